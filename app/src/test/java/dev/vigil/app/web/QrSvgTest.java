package dev.vigil.app.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The enrolment's QR code: the SVG's squares, drawn back into pixels, decode to the otpauth URI (ZXing's reader). */
class QrSvgTest {

    private static final int SCALE = 4;

    @Test
    void theSvgDecodesToTheUriAndHoldsOnlyNumbers() throws Exception {
        String uri = "otpauth://totp/Vigil%3A%3Cb%3E%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Vigil&algorithm=SHA1&digits=6&period=30";
        String svg = QrSvg.of(uri);
        assertThat(svg).startsWith("<svg ").doesNotContain("otpauth").doesNotContain("<script")
                .doesNotContain("style=");

        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int[] pixels = new int[size * SCALE * size * SCALE];
        Arrays.fill(pixels, 0xffffffff);
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        int squares = 0;
        while (square.find()) {
            squares++;
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < SCALE; dx++) {
                    pixels[(y * SCALE + dy) * size * SCALE + x * SCALE + dx] = 0xff000000;
                }
            }
        }
        assertThat(squares).isPositive();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(size * SCALE, size * SCALE, pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(uri);
    }
}
