-- INT-2, INT-6: file contents (evidence attachments, hotline recordings) stored in the database,
-- one row per distinct content of an organisation, referred to by storage_key 'db:<sha256>'.

-- CreateTable
CREATE TABLE "file_contents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "file_contents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "file_contents_organization_id_sha256_key" ON "file_contents"("organization_id", "sha256");

-- AddForeignKey
ALTER TABLE "file_contents" ADD CONSTRAINT "file_contents_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The recorded size and digest describe the bytes; the database refuses a row where they do not.
ALTER TABLE "file_contents" ADD CONSTRAINT "file_contents_size_check" CHECK ("size_bytes" = octet_length("bytes"));
ALTER TABLE "file_contents" ADD CONSTRAINT "file_contents_sha256_check" CHECK ("sha256" = encode(sha256("bytes"), 'hex'));

-- SPEC §2: confined to the request's organisation, like every organisation-owned table
-- (migration 20261122100000_access_control).
SELECT tingjian_enable_tenant_isolation('file_contents');
GRANT SELECT, INSERT, UPDATE, DELETE ON "file_contents" TO tingjian_app;
