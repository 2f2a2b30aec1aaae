package dev.wallet.benchmark.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A small line chart as inline SVG, so the report is one self-contained HTML file. Axes may be
 * logarithmic (values ≤ 0 are left out on a log axis).
 */
final class SvgChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 340;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 20;
    private static final int BOTTOM = 45;
    private static final String[] COLORS =
            {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"};

    record Series(String name, List<double[]> points) {
    }

    record Marker(double x, String label) {
    }

    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final DoubleFunction<String> xTickLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    SvgChart(final String xLabel, final String yLabel, final boolean logY, final DoubleFunction<String> xTickLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
        this.xTickLabel = xTickLabel;
    }

    SvgChart series(final String name, final List<double[]> points) {
        series.add(new Series(name, points.stream().filter(p -> !logY || p[1] > 0).toList()));
        return this;
    }

    /** A vertical line at {@code x} with a label (e.g. where a step starts). */
    SvgChart marker(final double x, final String label) {
        markers.add(new Marker(x, label));
        return this;
    }

    String render() {
        final double[] xs = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).toArray();
        final double[] ys = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> y(p[1])).toArray();
        final double minX = xs.length == 0 ? 0 : java.util.Arrays.stream(xs).min().orElse(0);
        final double maxX = xs.length == 0 ? 1 : Math.max(minX + 1e-9, java.util.Arrays.stream(xs).max().orElse(1));
        double minY = ys.length == 0 ? 0 : java.util.Arrays.stream(ys).min().orElse(0);
        double maxY = ys.length == 0 ? 1 : java.util.Arrays.stream(ys).max().orElse(1);
        if (!logY) {
            minY = Math.min(0, minY);
        } else {
            minY = Math.floor(minY);
            maxY = Math.ceil(maxY);
        }
        if (maxY <= minY) {
            maxY = minY + 1;
        }
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='11'>%n",
                WIDTH, HEIGHT));
        final int plotW = WIDTH - LEFT - RIGHT;
        final int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>%n",
                LEFT, TOP, plotW, plotH));
        for (int i = 0; i <= 5; i++) {
            final double value = minY + (maxY - minY) * i / 5;
            final double py = TOP + plotH - plotH * (value - minY) / (maxY - minY);
            svg.append(String.format(Locale.ROOT,
                    "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/><text x='%d' y='%.1f' text-anchor='end'>%s</text>%n",
                    LEFT, LEFT + plotW, py, py, LEFT - 5, py + 4, number(logY ? Math.pow(10, value) : value)));
            final double xValue = minX + (maxX - minX) * i / 5;
            final double px = LEFT + plotW * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>%n",
                    px, TOP + plotH + 15, escape(xTickLabel.apply(xValue))));
        }
        for (final Marker marker : markers) {
            final double px = LEFT + plotW * (marker.x() - minX) / (maxX - minX);
            svg.append(String.format(Locale.ROOT,
                    "<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#bbb' stroke-dasharray='4 3'/>"
                            + "<text x='%.1f' y='%d' fill='#666' transform='rotate(90 %.1f %d)'>%s</text>%n",
                    px, px, TOP, TOP + plotH, px + 3, TOP + 4, px + 3, TOP + 4, escape(marker.label())));
        }
        for (int s = 0; s < series.size(); s++) {
            final String color = COLORS[s % COLORS.length];
            final StringBuilder path = new StringBuilder();
            for (final double[] p : series.get(s).points()) {
                final double px = LEFT + plotW * (p[0] - minX) / (maxX - minX);
                final double py = TOP + plotH - plotH * (y(p[1]) - minY) / (maxY - minY);
                path.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            svg.append(String.format(Locale.ROOT,
                    "<polyline fill='none' stroke='%s' stroke-width='1.5' points='%s'/>%n", color, path));
            svg.append(String.format(Locale.ROOT,
                    "<rect x='%d' y='%d' width='10' height='10' fill='%s'/><text x='%d' y='%d'>%s</text>%n",
                    LEFT + plotW + 10, TOP + 15 * s, color, LEFT + plotW + 25, TOP + 9 + 15 * s,
                    escape(series.get(s).name())));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>%s</text>%n",
                LEFT + plotW / 2, HEIGHT - 8, escape(xLabel)));
        svg.append(String.format(Locale.ROOT,
                "<text x='14' y='%d' text-anchor='middle' transform='rotate(-90 14 %d)'>%s</text>%n",
                TOP + plotH / 2, TOP + plotH / 2, escape(yLabel)));
        return svg.append("</svg>\n").toString();
    }

    private double y(final double value) {
        return logY ? Math.log10(value) : value;
    }

    static String number(final double value) {
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10 || value == 0) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.2g", value);
    }

    static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
