package org.rectrack.evidence.api;

/** Request and response examples for the OpenAPI document; the Lao one is what NGOs in Laos send. */
public final class Examples {

    public static final String SUBMIT_LAO = """
            {"recommendations": [{"recommendationId": "0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10", "assessment": "ADVANCES"}],
             "actionDate": "2023-03-01",
             "summary": "ກະຊວງປ້ອງກັນຄວາມສະຫງົບ ໄດ້ຝຶກອົບຮົມເຈົ້າໜ້າທີ່ 300 ຄົນ ກ່ຽວກັບການກຳນົດຕົວຜູ້ເຄາະຮ້າຍ.",
             "language": "lo",
             "source": {"title": "Vientiane Times", "publisher": "Vientiane Times",
                        "url": "https://www.vientianetimes.org.la/", "publishedOn": "2023-03-02",
                        "quote": "ເຈົ້າໜ້າທີ່ 300 ຄົນ ໄດ້ຮັບການຝຶກອົບຮົມ"},
             "metrics": [{"kind": "OFFICIALS_TRAINED", "value": 300, "unit": "PERSONS"}],
             "visibility": "PUBLIC"}
            """;

    public static final String SUBMIT_PERIOD = """
            {"recommendations": [{"recommendationId": "0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10", "assessment": "ADVANCES"},
                                 {"recommendationId": "5d0e8f1a-0c4b-4e8e-8a53-1f1b2c3d4e5f", "assessment": "NO_PROGRESS"}],
             "actionPeriod": {"from": "2022-04-01", "to": "2023-03-31"},
             "summary": "The government allocated a budget for victim shelters and referred 41 victims.",
             "language": "en",
             "source": {"title": "Annual report of the National Committee", "documentReference": "NCATIP 2023/07"},
             "metrics": [{"kind": "BUDGET", "value": 1500000000, "unit": "LAK"},
                         {"kind": "VICTIMS_REFERRED", "value": 29, "unit": "PERSONS", "sex": "FEMALE", "ageGroup": "under 18"}],
             "visibility": "RESTRICTED"}
            """;

    public static final String EVIDENCE = """
            {"id": "8c3a2d9e-3b0f-4d6e-9a7c-5e4f3a2b1c0d", "organisation": "lao-anti-trafficking-network", "origin": "ORGANISATION",
             "recommendations": [{"recommendationId": "0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10", "assessment": "ADVANCES"}],
             "actionDate": "2023-03-01", "actionPeriod": null,
             "summary": "ກະຊວງປ້ອງກັນຄວາມສະຫງົບ ໄດ້ຝຶກອົບຮົມເຈົ້າໜ້າທີ່ 300 ຄົນ.", "language": "lo",
             "source": {"title": "Vientiane Times", "publisher": "Vientiane Times", "url": "https://www.vientianetimes.org.la/",
                        "documentReference": null, "publishedOn": "2023-03-02", "quote": null},
             "metrics": [{"kind": "OFFICIALS_TRAINED", "value": 300, "unit": "PERSONS", "sex": null, "ageGroup": null, "year": null}],
             "visibility": "PUBLIC", "state": "VERIFIED", "version": 2,
             "createdAt": "2023-03-05T02:14:09.120Z", "updatedAt": "2023-03-07T08:40:00.500Z",
             "history": [
               {"state": "SUBMITTED", "actor": "ngo-user-1", "organisation": "lao-anti-trafficking-network", "at": "2023-03-05T02:14:09.120Z", "reason": null},
               {"state": "VERIFIED", "actor": "reviewer-1", "organisation": "rectrack-review-board", "at": "2023-03-07T08:40:00.500Z", "reason": "Confirmed against the ministry's press release"}]}
            """;

    public static final String INVALID = """
            {"type": "urn:rectrack:problem:validation", "title": "Request is not valid", "status": 400,
             "detail": "actionDate: must not be in the future; metrics[0].unit: 'USD' does not fit OFFICIALS_TRAINED; use one of [PERSONS]",
             "instance": "/api/v1/evidence",
             "errors": [{"field": "actionDate", "message": "must not be in the future"},
                        {"field": "metrics[0].unit", "message": "'USD' does not fit OFFICIALS_TRAINED; use one of [PERSONS]"}]}
            """;

    public static final String UNKNOWN_RECOMMENDATION = """
            {"type": "urn:rectrack:problem:unknown-recommendation", "title": "Unknown recommendation", "status": 422,
             "detail": "recommendations[0].recommendationId: no recommendation with id 0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10 is known",
             "instance": "/api/v1/evidence",
             "errors": [{"field": "recommendations[0].recommendationId", "message": "no recommendation with id 0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10 is known"}]}
            """;

    public static final String WITHDRAWN_RECOMMENDATION = """
            {"type": "urn:rectrack:problem:unprocessable", "title": "Request cannot be processed", "status": 422,
             "detail": "recommendations[0].recommendationId: LAO-2023-03 is withdrawn and takes no new evidence",
             "instance": "/api/v1/evidence",
             "errors": [{"field": "recommendations[0].recommendationId", "message": "LAO-2023-03 is withdrawn and takes no new evidence"}]}
            """;

    public static final String NOT_FOUND = """
            {"type": "urn:rectrack:problem:not-found", "title": "Not found", "status": 404,
             "detail": "no evidence with id 8c3a2d9e-3b0f-4d6e-9a7c-5e4f3a2b1c0d",
             "instance": "/api/v1/evidence/8c3a2d9e-3b0f-4d6e-9a7c-5e4f3a2b1c0d"}
            """;

    public static final String CONFLICT = """
            {"type": "urn:rectrack:problem:conflict", "title": "Conflicts with the current state", "status": 409,
             "detail": "the evidence is VERIFIED; it can be rejected only while [SUBMITTED]",
             "instance": "/api/v1/evidence/8c3a2d9e-3b0f-4d6e-9a7c-5e4f3a2b1c0d/reject"}
            """;

    public static final String FORBIDDEN = """
            {"type": "urn:rectrack:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "your role does not allow this operation", "instance": "/api/v1/evidence"}
            """;

    public static final String UNAUTHENTICATED = """
            {"type": "urn:rectrack:problem:unauthenticated", "title": "Not signed in", "status": 401,
             "detail": "a valid bearer token is required", "instance": "/api/v1/evidence"}
            """;

    private Examples() {
    }
}
