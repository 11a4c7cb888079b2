#!/usr/bin/env bash
# Makes the kiosk's default voice prompts: one WAV per line of prompts.tsv, spoken by espeak-ng's
# Korean voice. The WAVs are committed; run this only after changing a sentence in prompts.tsv.
#
#   scripts/make-voice-prompts.sh              # all prompts
#   SSC_VOICE_WPM=120 scripts/make-voice-prompts.sh   # slower speech (default 130 words/min)
#
# Needs: espeak-ng (Debian: apt-get install espeak-ng); sox if present trims the silence and stores
# 11 kHz mono (a third of the size; this voice has nothing above 5 kHz worth keeping). A site that prefers a recorded human
# voice does not run this: it puts its own <name>.wav files into SSC_VOICE_DIR (see docs/user-guide-ko.md).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=edge-app/src/main/resources/kr/smartsenior/edge/ui/voice
WPM=${SSC_VOICE_WPM:-130}
command -v espeak-ng >/dev/null || { echo "espeak-ng is missing: apt-get install espeak-ng" >&2; exit 1; }
have_sox=0; command -v sox >/dev/null && have_sox=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
count=0
while IFS=$'\t' read -r name sentence; do
  case "$name" in ''|'#'*) continue ;; esac
  [ -n "$sentence" ] || { echo "prompts.tsv: '$name' has no sentence" >&2; exit 1; }
  espeak-ng -v ko -s "$WPM" -w "$tmp/$name.wav" "$sentence"
  if [ "$have_sox" = 1 ]; then
    # 11 kHz mono 16-bit, peak at -1 dB, no dither (the same sentence gives the same file); trim leading/trailing silence, keep 0.15 s of air at the end
    sox -D "$tmp/$name.wav" -r 11025 -c 1 -b 16 "$DIR/$name.wav" gain -n -1 silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse pad 0 0.15
  else
    cp "$tmp/$name.wav" "$DIR/$name.wav"
  fi
  count=$((count + 1))
done < "$DIR/prompts.tsv"
echo "made $count prompts in $DIR ($(du -sh "$DIR" | cut -f1))"
