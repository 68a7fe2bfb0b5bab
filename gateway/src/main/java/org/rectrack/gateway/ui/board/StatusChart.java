package org.rectrack.gateway.ui.board;

import java.util.ArrayList;
import java.util.List;

import org.rectrack.gateway.status.Status;

/**
 * The status distribution per year as a server-rendered SVG of stacked bars (one bar per year, one segment per status,
 * each as wide as its share). The geometry is computed here; {@code ui/board/board.html} draws it. Its table beside
 * it is the accessible truth; the SVG has a title and a description.
 *
 * @param width  the viewBox width, in SVG user units
 * @param height the viewBox height
 * @param bars   one bar per year, oldest first
 */
public record StatusChart(int width, int height, List<Bar> bars) {

    static final int WIDTH = 640;
    private static final int LABEL = 56;
    private static final int BAR = 24;
    private static final int GAP = 8;

    /** A year's bar. */
    public record Bar(int year, int y, int labelY, List<Segment> segments, int total) {
    }

    /** A status's share of a bar; its count is printed inside when there is room. */
    public record Segment(Status status, double x, double width, int count, boolean labelled) {

        public double middle() {
            return x + width / 2;
        }
    }

    static StatusChart of(List<Board.Distribution> years) {
        List<Bar> bars = new ArrayList<>();
        int y = GAP;
        double room = WIDTH - LABEL - GAP;
        for (Board.Distribution year : years) {
            List<Segment> segments = new ArrayList<>();
            double x = LABEL;
            for (Board.Count count : year.counts()) {
                if (count.count() == 0) {
                    continue;
                }
                double width = room * count.count() / year.total();
                segments.add(new Segment(count.status(), round(x), round(width), count.count(), width >= 18));
                x += width;
            }
            bars.add(new Bar(year.year(), y, y + BAR / 2 + 5, List.copyOf(segments), year.total()));
            y += BAR + GAP;
        }
        return new StatusChart(WIDTH, y, List.copyOf(bars));
    }

    public int barHeight() {
        return BAR;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
