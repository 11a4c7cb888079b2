#!/usr/bin/env bash
# Makes the kiosk's built-in voice pack: one WAV per prompt (prompts.tsv: whole sentences) and per segment
# (segments.tsv: numbers, counters and pieces of sentences that SpeechComposer joins), spoken by espeak-ng's
# Korean voice, and the pack's manifest voice-pack.tsv (id, file, words) from which a district records its
# own voice (docs/operations.md). The WAVs are committed; run this after changing a line of either file.
#
#   scripts/make-voice-prompts.sh                        # the whole pack
#   SSC_VOICE_WPM=110 scripts/make-voice-prompts.sh      # slower still (default 120 words/min, was 130)
#
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox). 22.05 kHz mono 16-bit (espeak-ng's own
# rate; was 11 kHz), peak at -1 dB, leading and trailing silence trimmed, no dither: the same line gives the
# same file. Prompts keep 0.15 s of air at the end; segments 0.03 s, so joined pieces sound like one sentence.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=edge-app/src/main/resources/kr/smartsenior/edge/ui/voice
WPM=${SSC_VOICE_WPM:-120}
GAP=${SSC_VOICE_WORD_GAP:-2}   # extra pause between words, in 10 ms
RATE=22050
for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install espeak-ng sox" >&2; exit 1; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
manifest="$tmp/voice-pack.tsv"
{
  echo "# The kiosk's voice pack: every phrase it can say. id <TAB> file <TAB> the words to record."
  echo "# Made by scripts/make-voice-prompts.sh from prompts.tsv and segments.tsv; do not edit by hand."
  echo "# A district records the words of each line into the file named (mono WAV, 22.05 kHz or more) and"
  echo "# puts the folder into SSC_VOICE_DIR; phrases it leaves out are said by this built-in pack."
} > "$manifest"
count=0
make_one() { # id words padding-seconds
  espeak-ng -v ko -s "$WPM" -g "$GAP" -w "$tmp/raw.wav" "$2" </dev/null
  sox -R -D "$tmp/raw.wav" -r "$RATE" -c 1 -b 16 "$DIR/$1.wav" gain -n -1 \
      silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse pad 0 "$3" </dev/null
  printf '%s\t%s.wav\t%s\n' "$1" "$1" "$2" >> "$manifest"
  count=$((count + 1))
}
while IFS=$'\t' read -r name sentence; do
  case "$name" in ''|'#'*) continue ;; esac
  [ -n "$sentence" ] || { echo "prompts.tsv: '$name' has no sentence" >&2; exit 1; }
  make_one "$name" "$sentence" 0.15
done < "$DIR/prompts.tsv"
while IFS=$'\t' read -r id words _shown; do
  case "$id" in ''|'#'*) continue ;; esac
  [ -n "$words" ] || { echo "segments.tsv: '$id' has no words" >&2; exit 1; }
  make_one "$id" "$words" 0.03
done < "$DIR/segments.tsv"
# WAVs of lines that are gone
cut -f1 "$manifest" > "$tmp/ids"
for wav in "$DIR"/*.wav; do
  id=$(basename "$wav" .wav)
  grep -qxF "$id" "$tmp/ids" || { echo "removing $wav (no line for it)"; rm -f "$wav"; }
done
cp "$manifest" "$DIR/voice-pack.tsv"
echo "made $count phrases in $DIR: $(cat "$DIR"/*.wav | wc -c) bytes of WAV at $RATE Hz, $WPM words/min"
