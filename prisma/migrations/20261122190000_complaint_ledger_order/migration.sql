-- The complaint ledger (`complaints`, `complaintPage`) is read newest first with the id as the
-- tiebreak. Without this index every page sorted all the organisation's complaints (a top-N
-- heapsort over a sequential scan, growing with the history); with it a page of 100 is an index
-- range read backwards, whatever the number of complaints.
CREATE INDEX "complaints_organization_id_received_at_id_idx" ON "complaints"("organization_id", "received_at", "id");
