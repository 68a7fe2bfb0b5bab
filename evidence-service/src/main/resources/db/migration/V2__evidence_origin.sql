-- Who stands behind each piece of evidence, told by the submitter's role (Origin): an NGO for its organisation,
-- or an admin, whose evidence no organisation owns. Until now an admin's submission was told apart only by the
-- organisation name 'report-import', which any client's identity provider can issue too; what was recorded under
-- that name is taken as an admin's (the safe reading: no organisation may act on it).
alter table evidence add column origin text not null default 'ORGANISATION';
update evidence set origin = 'ADMIN' where organisation = 'report-import';
alter table evidence alter column origin drop default;

-- Idempotency-Keys are an organisation's own or an admin's: the one never answers the other's retries.
alter table idempotent_request add column origin text not null default 'ORGANISATION';
update idempotent_request set origin = 'ADMIN' where organisation = 'report-import';
alter table idempotent_request alter column origin drop default;
alter table idempotent_request drop constraint idempotent_request_pkey;
alter table idempotent_request add primary key (origin, organisation, idempotency_key);
