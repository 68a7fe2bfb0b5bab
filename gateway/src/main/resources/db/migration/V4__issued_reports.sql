-- Compliance reports an auditor has issued (signed off): what was asked (country, year, asOf, knownAt, format),
-- the SHA-256 of the exact bytes answered, who and when. Written by the gateway's API, never by the topics, so a
-- rebuild of the read model leaves it alone. The bytes are not kept: verification regenerates them.
create table issued_report (
    id                      uuid        primary key,
    country                 text        not null,
    year                    integer     not null,
    as_of                   date        not null,
    known_at                timestamptz not null,
    format                  text        not null,
    sha256                  text        not null,
    data_sha256             text        not null,
    size_bytes              bigint      not null,
    issued_by_subject       text        not null,
    issued_by_name          text        not null,
    issued_at               timestamptz not null,
    -- A client's Idempotency-Key (per issuer) and the fingerprint of the request that first used it.
    idempotency_key         text,
    idempotency_fingerprint text,
    -- The same parameters give the same bytes: a report is issued once.
    unique (country, year, as_of, known_at, format),
    unique (issued_by_subject, idempotency_key)
);
create index issued_report_sha256 on issued_report (sha256);
create index issued_report_country_year on issued_report (country, year, issued_at desc);
