-- Who stands behind each version of evidence, as its event says (Origin): an NGO for its organisation, or an admin,
-- whose evidence no organisation owns. Events written before the field existed count as an organisation's; what the
-- evidence-service recorded under 'report-import' was an admin's (see the evidence-service's V2__evidence_origin).
alter table evidence_version add column origin text not null default 'ORGANISATION';
update evidence_version set origin = 'ADMIN' where organisation = 'report-import';
alter table evidence_version alter column origin drop default;
