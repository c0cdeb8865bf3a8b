-- WF-1, SLA-8: the responsible person of a complaint, in its lead department.
ALTER TABLE "complaints" ADD COLUMN "assignee_id" UUID;
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "complaints_organization_id_assignee_id_idx" ON "complaints"("organization_id", "assignee_id");
