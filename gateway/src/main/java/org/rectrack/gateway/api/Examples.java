package org.rectrack.gateway.api;

/** Request and answer examples for the gateway's OpenAPI document. */
public final class Examples {

    public static final String PUBLISH_REPORT = """
            {"country": "LAO", "year": 2023, "tier": "TIER_2", "publisher": "U.S. Department of State",
             "title": "2023 Trafficking in Persons Report: Laos",
             "sourceUrl": "https://www.state.gov/reports/2023-trafficking-in-persons-report/laos/", "publishedOn": "2023-06-15",
             "recommendations": [{"rank": 1, "text": "Vigorously investigate and prosecute traffickers, including complicit officials.",
                                  "pillars": ["PROSECUTION"], "targetGroups": []}]}
            """;

    public static final String SUBMIT_EVIDENCE = """
            {"recommendations": [{"recommendationId": "0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10", "assessment": "ADVANCES"}],
             "actionDate": "2023-03-01",
             "summary": "ກະຊວງປ້ອງກັນຄວາມສະຫງົບ ໄດ້ຝຶກອົບຮົມເຈົ້າໜ້າທີ່ 300 ຄົນ ກ່ຽວກັບການກຳນົດຕົວຜູ້ເຄາະຮ້າຍ.",
             "language": "lo",
             "source": {"title": "Vientiane Times", "publisher": "Vientiane Times",
                        "url": "https://www.vientianetimes.org.la/", "publishedOn": "2023-03-02"},
             "metrics": [{"kind": "OFFICIALS_TRAINED", "value": 300, "unit": "PERSONS"}],
             "visibility": "PUBLIC"}
            """;

    public static final String RECOMMENDATION_STATUS = """
            {"id": "0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10", "code": "LAO-2023-01", "country": "LAO", "year": 2023, "rank": 1,
             "text": "Vigorously investigate and prosecute traffickers, including complicit officials.", "revision": 1,
             "pillars": ["PROSECUTION"], "targetGroups": [], "state": "ACTIVE",
             "report": {"id": "5d0e8f1a-0c4b-4e8e-8a53-1f1b2c3d4e5f", "tier": "TIER_2", "publisher": "U.S. Department of State",
                        "title": "2023 Trafficking in Persons Report: Laos", "sourceUrl": null, "publishedOn": "2023-06-15"},
             "status": "IN_PROGRESS", "rule": "SOME_ADVANCES",
             "explanation": "some verified evidence says the government advanced it",
             "evidenceIds": ["8c3a2d9e-3b0f-4d6e-9a7c-5e4f3a2b1c0d"], "pendingCount": 1,
             "evidence": [{"id": "8c3a2d9e-3b0f-4d6e-9a7c-5e4f3a2b1c0d", "assessment": "ADVANCES", "state": "VERIFIED",
                           "basis": true, "actionFrom": "2023-03-01", "actionTo": "2023-03-01",
                           "verifiedAt": "2023-03-07T08:40:00.500Z", "summary": "…", "language": "lo",
                           "organisation": "lao-anti-trafficking-network", "visibility": "PUBLIC",
                           "source": {"title": "Vientiane Times", "publisher": "Vientiane Times",
                                      "url": "https://www.vientianetimes.org.la/", "documentReference": null,
                                      "publishedOn": "2023-03-02", "quote": null},
                           "metrics": [{"kind": "OFFICIALS_TRAINED", "value": 300, "unit": "PERSONS", "sex": null,
                                        "ageGroup": null, "year": null}]}],
             "lineage": [{"id": "1c2d3e4f-0000-4000-8000-000000000021", "code": "LAO-2021-02", "year": 2021, "rank": 2}],
             "firstYear": 2021, "outstandingSince": 2021, "asOf": "2023-12-31T23:59:59.999999999Z"}
            """;

    public static final String UNAVAILABLE = """
            {"type": "urn:rectrack:problem:service-unavailable", "title": "Service Unavailable", "status": 503,
             "detail": "evidence-service cannot be reached; try again shortly", "instance": "/api/v1/evidence"}
            """;

    public static final String NOT_FOUND = """
            {"type": "urn:rectrack:problem:not-found", "title": "Not found", "status": 404,
             "detail": "no recommendation with id 0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10",
             "instance": "/api/v1/recommendations/0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10"}
            """;

    public static final String CORRECT_REPORT = """
            {"tier": "TIER_2_WATCH_LIST", "publisher": "U.S. Department of State",
             "title": "2023 Trafficking in Persons Report: Laos",
             "sourceUrl": "https://www.state.gov/reports/2023-trafficking-in-persons-report/laos/", "publishedOn": "2023-06-15",
             "reportingPeriod": {"from": "2022-04-01", "to": "2023-03-31"}}
            """;

    public static final String REVISE_RECOMMENDATION = """
            {"text": "Vigorously investigate and prosecute traffickers, including complicit officials, and seek adequate penalties.",
             "pillars": ["PROSECUTION"], "targetGroups": [], "reason": "Typing error in the published text"}
            """;

    public static final String LINK = """
            {"continuesFromId": "4a2b9d0e-7f3c-4b1a-8e5d-6c7f8a9b0c1d"}
            """;

    public static final String REASON = """
            {"reason": "Published in error: a duplicate of LAO-2023-03"}
            """;

    private Examples() {
    }
}
