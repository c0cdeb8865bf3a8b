-- §11 callback rate (CB-1): the confirmations of a period are found by their time. Without this
-- index every report scans all confirmations ever made (EXPLAIN on 200 k complaints: a month's
-- callback rate read all 200 k confirmations, 113-149 ms; with it a bitmap range, 65-72 ms, and
-- the cost no longer grows with the history).
CREATE INDEX "complaint_confirmations_organization_id_confirmed_at_idx" ON "complaint_confirmations"("organization_id", "confirmed_at");
