package org.sonocine.imaging.jpegls;

/** The marker codes (second byte after 0xFF) a JPEG-LS codestream uses (T.87 C.1, T.81 B.1.1.3). */
final class Marker {
    static final int SOF55 = 0xF7;
    static final int LSE = 0xF8;
    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int DNL = 0xDC;
    static final int DRI = 0xDD;
    static final int RST0 = 0xD0;
    static final int RST7 = 0xD7;
    static final int APP0 = 0xE0;
    static final int APP8 = 0xE8;
    static final int DHT = 0xC4;
    static final int JPG = 0xC8;
    static final int DAC = 0xCC;

    private Marker() {
    }

    /** A frame header of ITU-T T.81 (JPEG): SOF0 to SOF15 but for DHT, JPG and DAC in that range. */
    static boolean isT81FrameHeader(int code) {
        return code >= 0xC0 && code <= 0xCF && code != DHT && code != JPG && code != DAC;
    }

    static String name(int code) {
        return switch (code) {
            case SOF55 -> "SOF55";
            case LSE -> "LSE";
            case SOI -> "SOI";
            case EOI -> "EOI";
            case SOS -> "SOS";
            case DNL -> "DNL";
            case DRI -> "DRI";
            default -> {
                if (code >= RST0 && code <= RST7) {
                    yield "RST" + (code - RST0);
                }
                if (code >= APP0 && code <= APP0 + 15) {
                    yield "APP" + (code - APP0);
                }
                if (isT81FrameHeader(code)) {
                    yield "SOF" + (code - 0xC0);
                }
                yield String.format("0xFF%02X", code);
            }
        };
    }
}
