-- DropForeignKey
ALTER TABLE "access_logs" DROP CONSTRAINT "access_logs_staff_id_fkey";

-- DropForeignKey
ALTER TABLE "access_logs" DROP CONSTRAINT "access_logs_api_token_id_fkey";

-- DropForeignKey
ALTER TABLE "access_logs" DROP CONSTRAINT "access_logs_approval_id_fkey";

-- DropForeignKey
ALTER TABLE "access_logs" DROP CONSTRAINT "access_logs_government_inquiry_id_fkey";

-- AddForeignKey
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_api_token_id_fkey" FOREIGN KEY ("api_token_id") REFERENCES "api_tokens"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_approval_id_fkey" FOREIGN KEY ("approval_id") REFERENCES "approvals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_government_inquiry_id_fkey" FOREIGN KEY ("government_inquiry_id") REFERENCES "government_inquiries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Issue 15 item 12: on a PostgreSQL server, API requests log in as tingjian_app itself (not the
-- owner switching to it), so that nothing inside a request, RESET ROLE included, can leave its
-- restrictions: it is no superuser, bypasses no row-level security and can become no other role.
-- With password authentication, give it a password out of band (ALTER ROLE tingjian_app PASSWORD …)
-- and pass it as TINGJIAN_APP_DATABASE_URL; the owner (DATABASE_URL) keeps migrations and sign-in.
ALTER ROLE tingjian_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
