package io.github.kcpat.personaltokens.it;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A line chart of latencies against the realm's token count, drawn with Java2D: log x axis at
 * the measured sizes, log y axis in milliseconds, one line per series, a legend.
 */
final class GrowthPlot {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 300;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0x17becf), new Color(0xbcbd22)};

    private GrowthPlot() {
    }

    /** Writes a PNG of {@code series} (name → one value per size, in ms) against {@code sizes}. */
    static void write(Path file, String title, List<Integer> sizes, Map<String, double[]> series) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        // Log y as well: p50 and p99 lie an order of magnitude or more apart.
        double[] all = series.values().stream().flatMapToDouble(java.util.Arrays::stream).filter(v -> v > 0).toArray();
        double minY = Math.pow(10, Math.floor(Math.log10(java.util.Arrays.stream(all).min().orElse(0.1))));
        double maxY = Math.pow(10, Math.ceil(Math.log10(java.util.Arrays.stream(all).max().orElse(1) * 1.05)));
        double spanY = Math.log10(maxY) - Math.log10(minY);
        double minX = Math.log10(sizes.get(0));
        double maxX = Math.log10(sizes.get(sizes.size() - 1));
        double spanX = maxX > minX ? maxX - minX : 1;
        java.util.function.DoubleUnaryOperator px = x -> LEFT + (Math.log10(x) - minX) / spanX * plotW;
        java.util.function.DoubleUnaryOperator py = y -> TOP + plotH - (Math.log10(Math.max(y, minY)) - Math.log10(minY)) / spanY * plotH;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        // y grid and labels at 1, 2 and 5 times each power of ten
        for (double decade = minY; decade < maxY * 1.001; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                double y = decade * m;
                if (y > maxY * 1.001) {
                    break;
                }
                int yy = (int) py.applyAsDouble(y);
                g.setColor(m == 1 ? new Color(0xbbbbbb) : new Color(0xe8e8e8));
                g.drawLine(LEFT, yy, LEFT + plotW, yy);
                g.setColor(Color.BLACK);
                String label = y >= 1 ? String.format("%.0f", y) : String.format("%.1f", y);
                g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), yy + 4);
            }
        }
        // x ticks at the measured sizes (log scale)
        for (int size : sizes) {
            int xx = (int) px.applyAsDouble(size);
            g.setColor(new Color(0xdddddd));
            g.drawLine(xx, TOP, xx, TOP + plotH);
            g.setColor(Color.BLACK);
            String label = size >= 1000 ? size / 1000 + "k" : Integer.toString(size);
            g.drawString(label, xx - g.getFontMetrics().stringWidth(label) / 2, TOP + plotH + 18);
        }
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        String xTitle = "personal tokens in the realm (log scale)";
        g.drawString(xTitle, LEFT + (plotW - g.getFontMetrics().stringWidth(xTitle)) / 2, TOP + plotH + 45);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        String yTitle = "latency (ms, log scale)";
        rotated.drawString(yTitle, -(TOP + (plotH + g.getFontMetrics().stringWidth(yTitle)) / 2), 25);
        rotated.dispose();

        int i = 0;
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            Color color = COLORS[i % COLORS.length];
            g.setColor(color);
            boolean dashed = s.getKey().contains("p50");
            g.setStroke(dashed ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 5f}, 0f)
                    : new BasicStroke(2.5f));
            double[] ys = s.getValue();
            for (int k = 0; k < ys.length; k++) {
                int xx = (int) px.applyAsDouble(sizes.get(k));
                int yy = (int) py.applyAsDouble(ys[k]);
                g.fillOval(xx - 4, yy - 4, 8, 8);
                if (k > 0) {
                    g.drawLine((int) px.applyAsDouble(sizes.get(k - 1)), (int) py.applyAsDouble(ys[k - 1]), xx, yy);
                }
            }
            int ly = TOP + 10 + i * 22;
            g.drawLine(LEFT + plotW + 15, ly, LEFT + plotW + 45, ly);
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.BLACK);
            g.drawString(s.getKey(), LEFT + plotW + 52, ly + 5);
            i++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
