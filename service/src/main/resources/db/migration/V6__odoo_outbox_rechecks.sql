-- How many times a webhook check found the address's domain indeterminate (DNS did not answer) and was put back to
-- be checked again later; counted apart from failed deliveries (attempts), which are Odoo's doing, not DNS's.
ALTER TABLE odoo_outbox ADD COLUMN rechecks INTEGER DEFAULT 0 NOT NULL;
