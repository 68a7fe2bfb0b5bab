package org.rectrack.recommendations.importing.text;

/** The signs reports and their copies use to start a list item. */
public final class Bullets {

    private static final String SIGNS = "•●▪◦‣∙■►➢";

    private Bullets() {
    }

    public static boolean isBullet(int codePoint) {
        return SIGNS.indexOf(codePoint) >= 0;
    }

    public static boolean startsWithBullet(String text) {
        return !text.isEmpty() && isBullet(text.codePointAt(0));
    }

    public static boolean containsBullet(String text) {
        return text.codePoints().anyMatch(Bullets::isBullet);
    }
}
