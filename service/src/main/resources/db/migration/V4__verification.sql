-- Confirmation of addresses by a code the customer reads back (the clerks' page).
-- The code waiting to be read back, one per address: only its HMAC is kept.
CREATE TABLE verification_code (
    address_key VARCHAR(320) NOT NULL PRIMARY KEY,
    code_hash   VARCHAR(64)  NOT NULL,
    clerk       VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts    INTEGER      NOT NULL DEFAULT 0
);
-- Codes sent, for the per-address and per-clerk rate limits (kept a day).
CREATE TABLE verification_send (
    address_key VARCHAR(320) NOT NULL,
    clerk       VARCHAR(200) NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX verification_send_address ON verification_send (address_key, sent_at);
CREATE INDEX verification_send_clerk ON verification_send (clerk, sent_at);
-- Addresses the customer confirmed: the outcome shown when the address is checked again.
CREATE TABLE address_verification (
    address_key VARCHAR(320) NOT NULL PRIMARY KEY,
    address_id  VARCHAR(32)  NOT NULL UNIQUE,
    verified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    clerk       VARCHAR(200) NOT NULL
);
