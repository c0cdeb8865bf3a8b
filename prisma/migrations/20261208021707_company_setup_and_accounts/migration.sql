-- AlterTable
ALTER TABLE "callbacks" ADD COLUMN     "caller_name" TEXT;

-- AlterTable
ALTER TABLE "complaint_escalations" ADD COLUMN     "reason_code" TEXT,
ADD COLUMN     "reason_params" JSONB;

-- AlterTable
ALTER TABLE "offices" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "buildings" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "units" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "households" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "staff" ADD COLUMN     "deactivated_at" TIMESTAMPTZ(3),
ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "visit_records" ADD COLUMN     "visitor_name" TEXT;

-- CreateTable
CREATE TABLE "role_permission_sets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "role" "staff_role" NOT NULL,
    "permissions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "role_permission_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_changes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changed_by_id" UUID,
    "entity" TEXT NOT NULL,
    "entity_id" UUID,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "admin_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "role_permission_sets_organization_id_role_key" ON "role_permission_sets"("organization_id", "role");

-- CreateIndex
CREATE INDEX "admin_changes_organization_id_at_idx" ON "admin_changes"("organization_id", "at");

-- CreateIndex
CREATE INDEX "admin_changes_organization_id_entity_entity_id_at_idx" ON "admin_changes"("organization_id", "entity", "entity_id", "at");

-- AddForeignKey
ALTER TABLE "role_permission_sets" ADD CONSTRAINT "role_permission_sets_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_permission_sets" ADD CONSTRAINT "role_permission_sets_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_changes" ADD CONSTRAINT "admin_changes_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_changes" ADD CONSTRAINT "admin_changes_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Row-level security: both new tables belong to one organisation.
SELECT tingjian_enable_tenant_isolation('role_permission_sets');
SELECT tingjian_enable_tenant_isolation('admin_changes');
-- Issue 17: the administrative change log is append-only, as the access log is (SEC-3).
REVOKE UPDATE, DELETE ON admin_changes FROM tingjian_app;
