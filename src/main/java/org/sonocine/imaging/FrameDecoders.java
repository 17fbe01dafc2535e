package org.sonocine.imaging;

import org.sonocine.dicom.TransferSyntax;
import org.sonocine.imaging.codec.DecodeException;

import java.util.ArrayList;
import java.util.List;

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

    private static List<FrameDecoder> jpegChain() {
        List<FrameDecoder> chain = new ArrayList<>();
        JpegImageIoDecoder.jdk().ifPresent(chain::add);
        chain.add(new JpegOwnDecoder());
        JpegImageIoDecoder.twelveMonkeys().ifPresent(chain::add);
        return List.copyOf(chain);
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
