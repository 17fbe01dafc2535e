package org.sonocine.export;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;
import org.sonocine.imaging.DisplayFrame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * H.264 in an MP4 file through jcodec, each frame with its own time stamp and duration (variable frame rate), so
 * that a Frame Time Vector plays as recorded rather than rounded to one rate. Frame sizes must be even (4:2:0
 * chroma).
 */
final class Mp4Writer implements AutoCloseable {
    /** Ticks per second of the track: the usual video clock, fine enough for 0.011 ms. */
    static final int TIMESCALE = 90_000;

    private final FileChannelWrapper channel;
    private final MP4Muxer muxer;
    private final VideoEncoder encoder = H264Encoder.createH264Encoder();
    private final Transform toYuv;
    private final int width;
    private final int height;
    private final Picture rgb;
    private final Picture studio;
    private final Picture yuv;
    private MuxerTrack track;
    private ByteBuffer buffer;
    private int frameNo;

    Mp4Writer(Path file, int width, int height) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("MP4 frames need an even size, not " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        // Studio range (BT.601 16-235), which players assume since the encoder writes no range flag; its own
        // full-range conversion would crush dark grey, where ultrasound lives. The encoder takes the planes as
        // they are under the one 4:2:0 label it accepts.
        toYuv = ColorUtil.getTransform(ColorSpace.RGB, ColorSpace.YUV420);
        rgb = Picture.create(width, height, ColorSpace.RGB);
        studio = Picture.create(width, height, ColorSpace.YUV420);
        yuv = Picture.createPicture(width, height, studio.getData(), encoder.getSupportedColorSpaces()[0]);
        channel = NIOUtils.writableChannel(file.toFile());
        try {
            muxer = MP4Muxer.createMP4MuxerToChannel(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Appends {@code frame}, due at {@code ptsTicks} and shown for {@code durationTicks} of {@link #TIMESCALE}. */
    void add(DisplayFrame frame, long ptsTicks, long durationTicks) throws IOException {
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("frame of " + frame.width() + " x " + frame.height() + " in a video of "
                    + width + " x " + height);
        }
        // jcodec keeps 8-bit samples as signed bytes centred on zero.
        byte[] packed = rgb.getPlaneData(0);
        int[] argb = frame.argb();
        for (int i = 0, o = 0; i < argb.length; i++) {
            int p = argb[i];
            packed[o++] = (byte) (((p >> 16) & 0xFF) - 128);
            packed[o++] = (byte) (((p >> 8) & 0xFF) - 128);
            packed[o++] = (byte) ((p & 0xFF) - 128);
        }
        toYuv.transform(rgb, studio);
        int size = encoder.estimateBufferSize(yuv);
        if (buffer == null || buffer.capacity() < size) {
            buffer = ByteBuffer.allocate(size);
        }
        buffer.clear();
        VideoEncoder.EncodedFrame encoded = encoder.encodeFrame(yuv, buffer);
        if (track == null) {
            track = muxer.addVideoTrack(Codec.H264,
                    VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), yuv.getColor()));
        }
        track.addFrame(Packet.createPacket(NIOUtils.clone(encoded.getData()), ptsTicks, TIMESCALE, durationTicks,
                frameNo++, encoded.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
    }

    /** Writes the index (moov) that makes the file playable. */
    void finish() throws IOException {
        if (track == null) {
            throw new IOException("no frames to write");
        }
        muxer.finish();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
