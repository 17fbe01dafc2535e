package org.sonocine.imaging;

import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.codec.DecodeException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The decoders for each transfer syntax, in order of preference. Decoding tries them in turn; when all fail,
 * the error names every decoder's reason. Syntaxes no decoder reads get a clear "cannot decode" instead.
 */
public final class FrameDecoders {
    private static final NativeDecoder NATIVE = new NativeDecoder();
    private static final RleDecoder RLE = new RleDecoder();
    private static final DeflatedFrameDecoder DEFLATED_FRAMES = new DeflatedFrameDecoder();
    private static final class Jpeg {
        static final List<FrameDecoder> CHAIN = jpegChain();
        static final List<FrameDecoder> JPEG_2000 = List.of(new Jpeg2000FrameDecoder());
        static final List<FrameDecoder> JPEG_LS = List.of(new JpegLsFrameDecoder());
    }

    private FrameDecoders() {
    }

    /** The ImageIO readers are looked for at their first decode: looking loads every ImageIO plugin. */
    private static List<FrameDecoder> jpegChain() {
        return List.of(JpegImageIoDecoder.jdkOnFirstUse(), new JpegOwnDecoder(),
                JpegImageIoDecoder.twelveMonkeysOnFirstUse());
    }

    /** The decoders for {@code syntax}; empty when Sonocine cannot decode it. */
    public static List<FrameDecoder> forSyntax(TransferSyntax syntax) {
        if (!syntax.encapsulated() || syntax.uid().equals(TransferSyntax.ENCAPSULATED_UNCOMPRESSED.uid())) {
            return List.of(NATIVE);
        }
        return switch (syntax.compression()) {
            case RLE -> List.of(RLE);
            case DEFLATED_FRAMES -> List.of(DEFLATED_FRAMES);
            case JPEG_BASELINE, JPEG_EXTENDED, JPEG_LOSSLESS -> Jpeg.CHAIN;
            case JPEG_2000, HTJ2K -> Jpeg.JPEG_2000;
            case JPEG_LS -> Jpeg.JPEG_LS;
            default -> List.of();
        };
    }

    /** Why frames of {@code syntax} cannot be decoded, for syntaxes {@link #forSyntax} has no decoder for. */
    public static String unsupportedReason(TransferSyntax syntax) {
        String what = switch (syntax.compression()) {
            case JPEG_XL -> "JPEG XL";
            case MPEG2 -> "MPEG-2 video";
            case MPEG4 -> "MPEG-4 AVC/H.264 video";
            case HEVC -> "HEVC/H.265 video";
            default -> "this encoding";
        };
        String name = syntax.name().equals(syntax.uid()) ? "" : syntax.name() + ", ";
        return "Sonocine cannot decode " + what + " pixel data (" + name + syntax.uid() + ")";
    }

    /** As {@link #decode(List, EncodedFrame)}, with the decoders that are ready first when {@code readyFirst}. */
    static StoredFrame decode(List<FrameDecoder> chain, EncodedFrame frame, boolean readyFirst)
            throws DecodeException {
        return decode(readyFirst ? readyFirst(chain, FrameDecoder::ready) : chain, frame);
    }

    /** {@code chain} with the decoders that are {@code ready} first, each part in its own order. */
    static <T> List<T> readyFirst(List<T> chain, Predicate<T> ready) {
        List<T> order = new ArrayList<>(chain.size());
        chain.stream().filter(ready).forEach(order::add);
        chain.stream().filter(ready.negate()).forEach(order::add);
        return order;
    }

    /**
     * Decodes with the first decoder of {@code chain} that succeeds. The one failure policy for decoders: whatever
     * a decoder throws (third-party codecs throw runtime exceptions and even errors such as ThreadDeath on corrupt
     * data) becomes a {@link DecodeException} naming the frame; only a virtual machine error (out of memory)
     * passes through.
     */
    static StoredFrame decode(List<FrameDecoder> chain, EncodedFrame frame) throws DecodeException {
        StringBuilder reasons = new StringBuilder();
        DecodeException last = null;
        for (FrameDecoder decoder : chain) {
            try {
                return decoder.decode(frame);
            } catch (DecodeException e) {
                if (chain.size() == 1) {
                    throw e;
                }
                last = e;
                reasons.append(reasons.length() == 0 ? "" : "; ").append(decoder.name()).append(": ")
                        .append(e.getMessage());
            } catch (VirtualMachineError e) {
                throw e;
            } catch (RuntimeException | Error e) {
                last = new DecodeException(decoder.name() + " failed: " + describe(e), e);
                reasons.append(reasons.length() == 0 ? "" : "; ").append(decoder.name()).append(": ")
                        .append(describe(e));
            }
        }
        throw new DecodeException("frame " + (frame.index() + 1) + " could not be decoded (" + reasons + ")", last);
    }

    /** A third-party failure in words: see {@link FailureWords}. */
    static String describe(Throwable e) {
        return FailureWords.of(e);
    }

}
