package kr.smartsenior.edge.identify;

/**
 * How one raw frame lies in a camera program's output stream.
 *
 * @param width      visible pixels per row
 * @param height     rows
 * @param stride     bytes per luminance row (padding included)
 * @param frameBytes bytes of one whole frame in the stream (chroma planes included)
 */
public record FrameLayout(int width, int height, int stride, int frameBytes) {

    /** {@code rpicam-vid --codec yuv420} pads rows to a multiple of 64 bytes (the ISP's alignment). */
    public static final int RPICAM_STRIDE_ALIGNMENT = 64;

    public FrameLayout {
        if (width <= 0 || height <= 0 || stride < width || frameBytes < stride * height) {
            throw new IllegalArgumentException("bad frame layout " + width + "x" + height + " stride " + stride
                    + " frame " + frameBytes + " bytes");
        }
    }

    /**
     * Planar YUV 4:2:0 (I420): a Y plane of {@code stride × height}, then U and V planes of
     * {@code stride/2 × height/2} each, rows padded to {@code alignment} bytes.
     */
    public static FrameLayout yuv420(int width, int height, int alignment) {
        if (alignment <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("yuv420 needs an even size and a positive alignment");
        }
        int stride = (width + alignment - 1) / alignment * alignment;
        int chromaStride = stride / 2;
        return new FrameLayout(width, height, stride, stride * height + 2 * chromaStride * (height / 2));
    }

    /** 8-bit grey, rows not padded ({@code ffmpeg -pix_fmt gray -f rawvideo}). */
    public static FrameLayout gray(int width, int height) {
        return new FrameLayout(width, height, width, width * height);
    }
}
