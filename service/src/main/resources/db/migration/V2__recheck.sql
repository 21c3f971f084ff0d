-- Addresses whose check was UNKNOWN (DNS could not answer), checked again later with backoff.
CREATE TABLE recheck (
    address_key VARCHAR(320) NOT NULL PRIMARY KEY,
    verdict     VARCHAR(16)  NOT NULL,
    findings    VARCHAR(1000),
    attempts    INTEGER      NOT NULL DEFAULT 0,
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    next_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX recheck_due ON recheck (verdict, next_at);
