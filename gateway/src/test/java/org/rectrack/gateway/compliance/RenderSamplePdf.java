package org.rectrack.gateway.compliance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Renders {@link SampleReports#report()} as a PDF into the file named by its one argument, in a JVM of its own. */
public final class RenderSamplePdf {

    private RenderSamplePdf() {
    }

    public static void main(String[] arguments) throws IOException {
        Files.write(Path.of(arguments[0]), CompliancePdf.render(SampleReports.report()));
    }
}
