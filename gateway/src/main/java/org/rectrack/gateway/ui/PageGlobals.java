package org.rectrack.gateway.ui;

import java.util.List;

import io.quarkus.qute.TemplateGlobal;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.gateway.status.Status;

/** Values every template may name: the choices of the filters. */
@TemplateGlobal
public final class PageGlobals {

    /** The statuses, in the order pages list them. */
    public static final List<Status> statuses = StatusLook.ORDER;

    /** The TIP Report's pillars ("4P"). */
    public static final List<Pillar> pillars = List.of(Pillar.values());

    private PageGlobals() {
    }
}
