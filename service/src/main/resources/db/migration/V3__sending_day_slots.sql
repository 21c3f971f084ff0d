-- The per-day sending statistics were one row per day, updated by every notification: under a burst every
-- transaction queued on that row. Counts now go to one of 8 slot rows of the day (chosen by the notification id), in
-- the last statement of the notification's transaction; readers sum the slots through the view sending_day.
CREATE TABLE sending_day_slot (
    send_date         DATE     NOT NULL,
    slot              SMALLINT NOT NULL,
    deliveries        INTEGER  NOT NULL DEFAULT 0,
    mailbox_missing   INTEGER  NOT NULL DEFAULT 0,
    transient         INTEGER  NOT NULL DEFAULT 0,
    sender_rejections INTEGER  NOT NULL DEFAULT 0,
    ses_suppressed    INTEGER  NOT NULL DEFAULT 0,
    permanent_other   INTEGER  NOT NULL DEFAULT 0,
    complaints        INTEGER  NOT NULL DEFAULT 0,
    PRIMARY KEY (send_date, slot)
);
INSERT INTO sending_day_slot (send_date, slot, deliveries, mailbox_missing, transient, sender_rejections,
                              ses_suppressed, permanent_other, complaints)
    SELECT send_date, 0, deliveries, mailbox_missing, transient, sender_rejections, ses_suppressed, permanent_other,
           complaints FROM sending_day;
DROP TABLE sending_day;
CREATE VIEW sending_day AS
    SELECT send_date, SUM(deliveries) AS deliveries, SUM(mailbox_missing) AS mailbox_missing,
           SUM(transient) AS transient, SUM(sender_rejections) AS sender_rejections,
           SUM(ses_suppressed) AS ses_suppressed, SUM(permanent_other) AS permanent_other,
           SUM(complaints) AS complaints
    FROM sending_day_slot GROUP BY send_date;
