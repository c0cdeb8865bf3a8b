-- §6: a rule can run several times on one complaint (SLA-6: every promise; SLA-10/SLA-11: every
-- confirmation after a reopening), each a round of its own, so past rounds are never rewritten.
ALTER TABLE "sla_stages" ADD COLUMN "round" INTEGER NOT NULL DEFAULT 1;
DROP INDEX "sla_stages_organization_id_complaint_id_rule_stage_key";
CREATE UNIQUE INDEX "sla_stages_organization_id_complaint_id_rule_stage_round_key" ON "sla_stages"("organization_id", "complaint_id", "rule", "stage", "round");
ALTER TABLE "sla_stages" ADD CONSTRAINT "sla_stages_round_check" CHECK ("round" >= 1);

-- The minute sweep (WF-5, WF-7) looks across organisations for running stages and unanswered
-- hand-offs past their deadline; these partial indexes keep that a short range scan.
CREATE INDEX "sla_stages_running_deadline_idx" ON "sla_stages"("deadline_at") WHERE "status" = 'RUNNING';
CREATE INDEX "developer_handoffs_unanswered_deadline_idx" ON "developer_handoffs"("deadline_at") WHERE "responded_at" IS NULL AND "deemed_accepted_at" IS NULL;
