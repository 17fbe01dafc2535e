package org.sonocine.imaging.jpeg;

/** JPEG marker codes (the byte after 0xFF, ITU-T T.81 table B.1) and their names for messages. */
final class Marker {
    static final int SOF0 = 0xC0;
    static final int SOF1 = 0xC1;
    static final int SOF2 = 0xC2;
    static final int SOF3 = 0xC3;
    static final int DHT = 0xC4;
    static final int JPG = 0xC8;
    static final int DAC = 0xCC;
    static final int SOF15 = 0xCF;
    static final int RST0 = 0xD0;
    static final int RST7 = 0xD7;
    static final int SOI = 0xD8;
    static final int EOI = 0xD9;
    static final int SOS = 0xDA;
    static final int DQT = 0xDB;
    static final int DNL = 0xDC;
    static final int DRI = 0xDD;
    static final int DHP = 0xDE;
    static final int EXP = 0xDF;
    static final int APP0 = 0xE0;
    static final int APP15 = 0xEF;
    static final int COM = 0xFE;
    static final int TEM = 0x01;

    private Marker() {
    }

    static boolean isRestart(int code) {
        return code >= RST0 && code <= RST7;
    }

    /** True for the start-of-frame codes C0..CF other than DHT, JPG and DAC. */
    static boolean isStartOfFrame(int code) {
        return code >= SOF0 && code <= SOF15 && code != DHT && code != JPG && code != DAC;
    }

    static String name(int code) {
        if (isStartOfFrame(code)) {
            return "SOF" + (code - SOF0);
        }
        if (isRestart(code)) {
            return "RST" + (code - RST0);
        }
        if (code >= APP0 && code <= APP15) {
            return "APP" + (code - APP0);
        }
        return switch (code) {
            case DHT -> "DHT";
            case DAC -> "DAC";
            case SOI -> "SOI";
            case EOI -> "EOI";
            case SOS -> "SOS";
            case DQT -> "DQT";
            case DNL -> "DNL";
            case DRI -> "DRI";
            case DHP -> "DHP";
            case EXP -> "EXP";
            case COM -> "COM";
            default -> String.format("0xFF%02X", code);
        };
    }
}
