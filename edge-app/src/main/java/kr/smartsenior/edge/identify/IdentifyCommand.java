package kr.smartsenior.edge.identify;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import kr.smartsenior.edge.store.LocalStore;
import kr.smartsenior.edge.store.StoreException;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.card.CardToken;

/**
 * {@code identify --image FILE}: what this kiosk would decide for a photo of a card, for field staff.
 * Decodes the photo as the camera path does (every pass), and checks it against the roster kept in the
 * kiosk's data directory. Prints the QR's content (never a token's MAC), the roster used, the decision
 * and the sentence the senior would get.
 *
 * <p>Exit codes: 0 identified, 3 refused, 4 no QR code found, 1 the image cannot be read, 2 usage.
 */
public final class IdentifyCommand {

    public static final int IDENTIFIED = 0;
    public static final int CANNOT_READ = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int NO_QR = 4;
    /** Photos wider than this are also tried scaled down (a phone's 4000-pixel photo). */
    static final int LARGE_WIDTH = 1600;

    private IdentifyCommand() {
    }

    /** Runs the check; {@code args} are what follows {@code identify}. */
    public static int run(List<String> args, String siteId, Path dataDir, PrintStream out) {
        if (args.size() != 2 || !args.getFirst().equals("--image")) {
            out.println("usage: java -jar smartsenior-kiosk.jar identify --image FILE   (PNG or JPEG)");
            return USAGE;
        }
        Path file = Path.of(args.get(1));
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            out.println("cannot read " + file + ": " + e.getMessage());
            return CANNOT_READ;
        }
        if (image == null) {
            out.println("cannot read " + file + ": not a PNG, JPEG, GIF or BMP image");
            return CANNOT_READ;
        }
        long start = System.nanoTime();
        Optional<String> text = decode(image);
        double ms = (System.nanoTime() - start) / 1e6;
        if (text.isEmpty()) {
            out.printf(Locale.ROOT, "QR code:   none found in %dx%d (%.0f ms)%n", image.getWidth(), image.getHeight(), ms);
            out.println("advice:    hold the card flat, fill a third of the picture with it, avoid glare");
            return NO_QR;
        }
        out.printf(Locale.ROOT, "QR code:   %s (%.0f ms)%n", describe(text.get()), ms);
        try (RosterBook book = openRoster(siteId, dataDir)) {
            Optional<Roster> roster = book.current();
            out.println("roster:    " + roster.map(r -> "version " + r.version() + " of " + r.siteId() + ", "
                    + r.members().size() + " members").orElse("none kept in " + dataDir.toAbsolutePath()));
            Identification decision = CardCheck.check(text.get(), book.snapshot());
            switch (decision) {
                case Identification.Identified who -> out.println("decision:  IDENTIFIED member " + who.memberId()
                        + " (card " + who.cardVersion() + ")");
                case Identification.Refused refused -> out.println("decision:  " + refused.reason()
                        + (refused.memberId() == null ? "" : " (member " + refused.memberId() + ")"));
            }
            out.println("kiosk says: " + decision.message());
            return decision instanceof Identification.Identified ? IDENTIFIED : REFUSED;
        }
    }

    private static RosterBook openRoster(String siteId, Path dataDir) {
        if (Files.exists(dataDir.resolve(LocalStore.FILE_NAME))) {
            try (LocalStore store = LocalStore.open(dataDir)) {
                return RosterBook.open(siteId, store.rosterCache()); // loaded now; the store may close
            } catch (StoreException e) {
                System.err.println("cannot read the kiosk's store: " + e.getMessage());
            }
        }
        return RosterBook.open(siteId, new NoRosterCache());
    }

    private static Optional<String> decode(BufferedImage image) {
        QrDecoder decoder = new QrDecoder();
        Optional<String> text = decoder.decodeThoroughly(luma(image));
        BufferedImage scaled = image;
        while (text.isEmpty() && scaled.getWidth() > LARGE_WIDTH) {
            scaled = half(scaled);
            text = decoder.decodeThoroughly(luma(scaled));
        }
        return text;
    }

    static LumaFrame luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] plane = new byte[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int lum = (306 * ((rgb >> 16) & 0xFF) + 601 * ((rgb >> 8) & 0xFF) + 117 * (rgb & 0xFF)) >> 10;
                plane[y * w + x] = (byte) lum;
            }
        }
        return new LumaFrame(plane, w, h, w, System.nanoTime());
    }

    private static BufferedImage half(BufferedImage image) {
        BufferedImage out = new BufferedImage(Math.max(1, image.getWidth() / 2), Math.max(1, image.getHeight() / 2),
                BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    /** What the QR says, without a card token's MAC (it makes the token a credential). */
    static String describe(String text) {
        Optional<CardToken> token = CardToken.parse(text);
        if (token.isPresent()) {
            return "a member card of ours, member " + token.get().memberId() + ", card " + token.get().cardVersion();
        }
        String clean = text.codePoints().limit(80).map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return (CardToken.looksLikeOurs(text) ? "looks like ours but is malformed: " : "not ours: ") + "\"" + clean
                + (text.length() > 80 ? "…" : "") + "\"";
    }

    /** For a kiosk with no store yet: nothing cached. */
    private static final class NoRosterCache implements kr.smartsenior.edge.store.RosterCache {
        @Override
        public Optional<String> load(String siteId) {
            return Optional.empty();
        }

        @Override
        public boolean save(String siteId, long version, String json) {
            return false;
        }
    }
}
