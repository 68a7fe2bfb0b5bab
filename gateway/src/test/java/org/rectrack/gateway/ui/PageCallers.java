package org.rectrack.gateway.ui;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.rectrack.deploy.infra.testing.TestTokens;

/** Browsers of the pages with development bearer tokens (they keep working on pages); pages read with an HTML parser. */
final class PageCallers {

    private PageCallers() {
    }

    /** A browser signed in with the role, for the default organisation. */
    static RequestSpecification browser(String role) {
        return browser(role, TestTokens.DEFAULT_ORG);
    }

    static RequestSpecification browser(String role, String organisation) {
        return given().auth().oauth2(TestTokens.forRole(role, organisation)).accept("text/html")
                .redirects().follow(false);
    }

    /** The page as a browser would read it. */
    static Document html(Response response) {
        return Jsoup.parse(response.asString(), "http://localhost/");
    }
}
