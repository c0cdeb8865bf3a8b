-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "classification" AS ENUM ('INTERNAL', 'SECRET', 'CONFIDENTIAL', 'TOP_SECRET');

-- CreateEnum
CREATE TYPE "staff_role" AS ENUM ('FRONT_DESK', 'PROPERTY_ASSISTANT', 'SERVICE_REP', 'DEPARTMENT_HEAD', 'OFFICE_DIRECTOR', 'ANALYST', 'COMPANY_MANAGER', 'MANAGEMENT_REP', 'EXECUTIVE', 'DEVELOPER_LIAISON', 'AUDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "staff_kind" AS ENUM ('HUMAN', 'SERVICE_ACCOUNT');

-- CreateEnum
CREATE TYPE "estate_kind" AS ENUM ('RESIDENTIAL', 'COMMERCIAL', 'OFFICE', 'VILLA');

-- CreateEnum
CREATE TYPE "household_kind" AS ENUM ('RESIDENTIAL', 'COMMERCIAL', 'OFFICE');

-- CreateEnum
CREATE TYPE "customer_kind" AS ENUM ('OWNER', 'TENANT');

-- CreateEnum
CREATE TYPE "department_kind" AS ENUM ('SERVICE_CENTRE', 'ENGINEERING', 'MANAGEMENT', 'OFFICE', 'SECURITY', 'CLEANING', 'LANDSCAPING', 'FINANCE', 'LEGAL', 'ADMINISTRATION', 'OTHER');

-- CreateEnum
CREATE TYPE "complaint_channel" AS ENUM ('VISIT', 'PHONE', 'LETTER', 'FAX', 'WEB', 'DEPARTMENT', 'CALLBACK', 'SURVEY');

-- CreateEnum
CREATE TYPE "complaint_kind" AS ENUM ('SERVICE', 'ENGINEERING', 'WARRANTY', 'MUNICIPAL', 'SUGGESTION', 'ENQUIRY', 'CLAIM');

-- CreateEnum
CREATE TYPE "complaint_severity" AS ENUM ('GENERAL', 'IMPORTANT', 'MAJOR');

-- CreateEnum
CREATE TYPE "complaint_status" AS ENUM ('REGISTERED', 'CLASSIFIED', 'ASSIGNED', 'PLANNED', 'IN_PROGRESS', 'RESOLVED', 'CONFIRMED', 'VERIFIED', 'INVALID', 'FORWARDED_TO_DEVELOPER', 'REOPENED');

-- CreateEnum
CREATE TYPE "complaint_event_kind" AS ENUM ('REGISTERED', 'TRANSITION', 'CLASSIFIED', 'ASSIGNED', 'PLAN_RECORDED', 'PROMISE_RECORDED', 'PROMISE_CHANGED', 'PAUSE', 'RESUME', 'ESCALATED', 'DUPLICATE_LINKED', 'FORWARDED_TO_SERVICE_CENTRE', 'FORWARDED_TO_DEVELOPER', 'DEVELOPER_ANSWERED', 'DEEMED_ACCEPTED', 'ACKNOWLEDGED', 'REPLIED', 'CONFIRMED', 'CALLBACK', 'REOPENED', 'ATTACHMENT_ADDED', 'CLAIM_UPDATED', 'REVIEWED', 'NOTE');

-- CreateEnum
CREATE TYPE "department_role" AS ENUM ('LEAD', 'ASSISTING');

-- CreateEnum
CREATE TYPE "responsibility" AS ENUM ('COMPANY', 'CONTRACTOR', 'DEVELOPER', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "plan_status" AS ENUM ('DRAFT', 'CONFIRMED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "confirmation_method" AS ENUM ('SIGNATURE', 'PHONE_CONSENT', 'SMS', 'WEB', 'LETTER', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "acknowledgement_method" AS ENUM ('LETTER', 'PHONE', 'SMS', 'EMAIL', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "claim_status" AS ENUM ('DRAFT', 'LEGAL_REVIEW', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'AGREED', 'DECLINED_BY_CUSTOMER', 'PAID', 'CLOSED');

-- CreateEnum
CREATE TYPE "sla_rule" AS ENUM ('SLA_1', 'SLA_2', 'SLA_3', 'SLA_4', 'SLA_5', 'SLA_6', 'SLA_7', 'SLA_8', 'SLA_9', 'SLA_10', 'SLA_11', 'SLA_12');

-- CreateEnum
CREATE TYPE "sla_clock" AS ENUM ('WORKING', 'WALL');

-- CreateEnum
CREATE TYPE "sla_stage_status" AS ENUM ('RUNNING', 'PAUSED', 'MET', 'BREACHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "callback_exempt_reason" AS ENUM ('ANONYMOUS', 'WRITTEN_REPLY_ONLY');

-- CreateEnum
CREATE TYPE "attachment_kind" AS ENUM ('PHOTO', 'VIDEO', 'RECORDING', 'SIGNATURE', 'DOCUMENT', 'REPLY_LETTER', 'ARCHIVE_DOCUMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "calendar_day_kind" AS ENUM ('HOLIDAY', 'MAKEUP_WORKDAY');

-- CreateEnum
CREATE TYPE "policy_unit" AS ENUM ('MINUTES', 'HOURS', 'DAYS', 'WORKING_HOURS', 'WORKING_DAYS', 'PERCENT', 'COUNT', 'DAY_OF_MONTH');

-- CreateEnum
CREATE TYPE "callback_kind" AS ENUM ('COMPLAINT', 'REPAIR', 'PERIODIC', 'SAMPLING', 'EVENT', 'VISIT', 'SURVEY_FOLLOWUP');

-- CreateEnum
CREATE TYPE "callback_method" AS ENUM ('IN_PERSON', 'APPOINTMENT', 'PHONE', 'LETTER');

-- CreateEnum
CREATE TYPE "callback_status" AS ENUM ('PLANNED', 'DONE', 'NOT_REACHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "callback_dimension" AS ENUM ('OVERALL', 'QUALITY', 'SPEED', 'ATTITUDE', 'TECHNICAL', 'RESULT');

-- CreateEnum
CREATE TYPE "callback_sample_kind" AS ENUM ('QUARTERLY_PERIODIC', 'SAMPLING', 'REPAIR', 'EVENT', 'HOLIDAY', 'MOVE_IN', 'EMERGENCY');

-- CreateEnum
CREATE TYPE "sample_reason" AS ENUM ('RANDOM', 'FORCED_COMPLAINANT', 'MANUAL');

-- CreateEnum
CREATE TYPE "visit_kind" AS ENUM ('ROUTINE', 'DOOR_TO_DOOR', 'AREA', 'COMMERCIAL', 'HOLIDAY', 'MOVE_IN', 'EMERGENCY');

-- CreateEnum
CREATE TYPE "visit_plan_status" AS ENUM ('DRAFT', 'ACTIVE', 'REVIEWED');

-- CreateEnum
CREATE TYPE "nonconformity_status" AS ENUM ('OPEN', 'IN_PROGRESS', 'CLOSED', 'OVERDUE');

-- CreateEnum
CREATE TYPE "survey_campaign_kind" AS ENUM ('REGULAR', 'SPECIAL');

-- CreateEnum
CREATE TYPE "survey_campaign_status" AS ENUM ('DRAFT', 'RUNNING', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "survey_task_kind" AS ENUM ('ANALYSIS', 'TARGETED_CALLBACKS', 'OPEN_LETTER', 'INDIVIDUAL_CALLBACK', 'CLOSE_PROBLEMS', 'OTHER');

-- CreateEnum
CREATE TYPE "task_status" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "corrective_action_trigger" AS ENUM ('RECURRENCE', 'REPEAT_REPAIR', 'SURVEY', 'CALLBACK', 'AUDIT', 'MANUAL');

-- CreateEnum
CREATE TYPE "corrective_action_status" AS ENUM ('OPEN', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED', 'INEFFECTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "report_level" AS ENUM ('OFFICE', 'COMPANY');

-- CreateEnum
CREATE TYPE "record_type" AS ENUM ('ORGANIZATION', 'ESTATE', 'HOUSEHOLD', 'CUSTOMER', 'STAFF', 'COMPLAINT', 'COMPLAINT_PLAN', 'CLAIM', 'CALLBACK', 'VISIT_RECORD', 'SURVEY_HANDOUT', 'SURVEY_RESPONSE', 'OPEN_LETTER', 'CORRECTIVE_ACTION', 'ATTACHMENT', 'HOTLINE_RECORDING', 'CASE_LIBRARY_ENTRY', 'POLICY_VALUE', 'WORKING_CALENDAR', 'CATEGORY', 'REPORT');

-- CreateEnum
CREATE TYPE "access_action" AS ENUM ('READ', 'COPY', 'EXPORT', 'PRINT', 'DISCLOSE');

-- CreateEnum
CREATE TYPE "approval_kind" AS ENUM ('READ_ARCHIVE', 'COPY_ARCHIVE', 'EXPORT_CLASSIFIED', 'CLAIM_COMPENSATION', 'EXTEND_CLASSIFICATION', 'OTHER');

-- CreateEnum
CREATE TYPE "approval_status" AS ENUM ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED', 'REVOKED');

-- CreateEnum
CREATE TYPE "classification_change_kind" AS ENUM ('CLASSIFY', 'RECLASSIFY', 'EXTEND', 'DECLASSIFY_EXPIRED', 'DECLASSIFY_MANUAL');

-- CreateEnum
CREATE TYPE "archive_check_status" AS ENUM ('IN_PROGRESS', 'COMPLETE', 'INCOMPLETE');

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "working_calendars" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "working_calendars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "working_time_slots" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "calendar_id" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,
    "effective_from" DATE,
    "effective_to" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "working_time_slots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_days" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "calendar_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" "calendar_day_kind" NOT NULL,
    "name" TEXT,
    "follows_weekday" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendar_days_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "estates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "estate_kind" NOT NULL DEFAULT 'RESIDENTIAL',
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "calendar_id" UUID,
    "address" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "estates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offices" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "address" TEXT,
    "director_id" UUID,
    "on_duty_24h" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "buildings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "buildings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "units" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "building_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "households" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "estate_id" UUID NOT NULL,
    "building_id" UUID NOT NULL,
    "unit_id" UUID,
    "room" TEXT NOT NULL,
    "kind" "household_kind" NOT NULL DEFAULT 'RESIDENTIAL',
    "occupied" BOOLEAN NOT NULL DEFAULT true,
    "area" DECIMAL(10,2),
    "move_in_date" DATE,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "households_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "kind" "customer_kind" NOT NULL DEFAULT 'OWNER',
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "id_number" TEXT,
    "plates" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "address" TEXT,
    "family_members" JSONB,
    "occupation" TEXT,
    "native_place" TEXT,
    "note" TEXT,
    "classification" "classification" NOT NULL DEFAULT 'SECRET',
    "classified_until" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household_members" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "kind" "customer_kind" NOT NULL DEFAULT 'OWNER',
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "since" DATE,
    "until" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "household_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "departments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "department_kind" NOT NULL DEFAULT 'OTHER',
    "office_id" UUID,
    "head_id" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "login" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "kind" "staff_kind" NOT NULL DEFAULT 'HUMAN',
    "role" "staff_role" NOT NULL,
    "clearance" "classification" NOT NULL DEFAULT 'INTERNAL',
    "all_estates" BOOLEAN NOT NULL DEFAULT false,
    "department_id" UUID,
    "phone" TEXT,
    "email" TEXT,
    "password_hash" TEXT,
    "password_changed_at" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_estate_scopes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_estate_scopes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "previous_session_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "rotated_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "login" TEXT NOT NULL,
    "staff_id" UUID,
    "ip" TEXT,
    "user_agent" TEXT,
    "success" BOOLEAN NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "categories" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "parent_id" UUID,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaints" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "no" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "channel" "complaint_channel" NOT NULL,
    "estate_id" UUID NOT NULL,
    "building_id" UUID,
    "household_id" UUID,
    "location" TEXT,
    "complainant_id" UUID,
    "complainant_name" TEXT,
    "complainant_contact" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "content" TEXT NOT NULL,
    "kind" "complaint_kind",
    "severity" "complaint_severity" NOT NULL DEFAULT 'GENERAL',
    "valid" BOOLEAN,
    "invalid_reason" TEXT,
    "category_id" UUID,
    "subject_staff_id" UUID,
    "subject_department_id" UUID,
    "status" "complaint_status" NOT NULL DEFAULT 'REGISTERED',
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "duplicate_of_id" UUID,
    "duplicate_linked_at" TIMESTAMPTZ(3),
    "received_by_id" UUID,
    "received_by_department_id" UUID,
    "received_at_office_id" UUID,
    "forwarded_to_service_centre_at" TIMESTAMPTZ(3),
    "lead_department_id" UUID,
    "classified_at" TIMESTAMPTZ(3),
    "assigned_at" TIMESTAMPTZ(3),
    "promised_at" TIMESTAMPTZ(3),
    "first_replied_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "verified_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "callback_exempt" BOOLEAN NOT NULL DEFAULT false,
    "exempt_reason" "callback_exempt_reason",
    "exempt_note" TEXT,
    "in_warranty" BOOLEAN NOT NULL DEFAULT false,
    "forwarded_to_developer_at" TIMESTAMPTZ(3),
    "developer_deadline_at" TIMESTAMPTZ(3),
    "deemed_accepted_at" TIMESTAMPTZ(3),
    "source_callback_id" UUID,
    "source_survey_handout_id" UUID,
    "classification" "classification" NOT NULL DEFAULT 'SECRET',
    "classified_until" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "complaints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_departments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "department_id" UUID NOT NULL,
    "role" "department_role" NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assigned_by_id" UUID,
    "released_at" TIMESTAMPTZ(3),

    CONSTRAINT "complaint_departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "kind" "complaint_event_kind" NOT NULL,
    "from_status" "complaint_status",
    "to_status" "complaint_status",
    "note" TEXT,
    "data" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_plans" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "department_id" UUID,
    "cause_analysis" TEXT,
    "responsibility" "responsibility",
    "plan" TEXT NOT NULL,
    "promised_at" TIMESTAMPTZ(3),
    "status" "plan_status" NOT NULL DEFAULT 'DRAFT',
    "created_by_id" UUID,
    "confirmed_by_id" UUID,
    "confirmed_at" TIMESTAMPTZ(3),
    "communicated_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "complaint_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_promises" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "plan_id" UUID,
    "sequence" INTEGER NOT NULL,
    "promised_at" TIMESTAMPTZ(3) NOT NULL,
    "previous_promise_id" UUID,
    "change_reason" TEXT,
    "recorded_by_id" UUID,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reconfirmed_by_id" UUID,
    "reconfirmed_at" TIMESTAMPTZ(3),
    "kept_at" TIMESTAMPTZ(3),
    "missed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "complaint_promises_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_confirmations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "customer_id" UUID,
    "confirmed_by_name" TEXT,
    "confirmed_at" TIMESTAMPTZ(3) NOT NULL,
    "method" "confirmation_method" NOT NULL,
    "satisfied" BOOLEAN,
    "signature_attachment_id" UUID,
    "recording_id" UUID,
    "recorded_by_id" UUID,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_confirmations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_acknowledgements" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "method" "acknowledgement_method" NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_by_id" UUID,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_acknowledgements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "developer_handoffs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "developer_name" TEXT,
    "developer_contact" TEXT,
    "plan" TEXT,
    "forwarded_at" TIMESTAMPTZ(3) NOT NULL,
    "forwarded_by_id" UUID,
    "deadline_at" TIMESTAMPTZ(3) NOT NULL,
    "responded_at" TIMESTAMPTZ(3),
    "response" TEXT,
    "accepted" BOOLEAN,
    "deemed_accepted_at" TIMESTAMPTZ(3),
    "recoverable_cost" DECIMAL(12,2),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "developer_handoffs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "status" "claim_status" NOT NULL DEFAULT 'DRAFT',
    "legal_consultation" TEXT,
    "legal_consulted_at" TIMESTAMPTZ(3),
    "responsibility" "responsibility",
    "compensation_plan" TEXT,
    "compensation_amount" DECIMAL(12,2),
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "approval_id" UUID,
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ(3),
    "customer_agreed_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "report" TEXT,
    "reported_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "classification" "classification" NOT NULL DEFAULT 'SECRET',
    "classified_until" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_escalations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "sla_stage_id" UUID,
    "reason" TEXT,
    "escalated_by_id" UUID,
    "escalated_to_id" UUID,
    "decision" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "notified_at" TIMESTAMPTZ(3),

    CONSTRAINT "complaint_escalations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_daily_reviews" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "review_date" DATE NOT NULL,
    "reviewer_id" UUID,
    "had_progress" BOOLEAN NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_daily_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_stages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "rule" "sla_rule" NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'main',
    "clock" "sla_clock" NOT NULL,
    "policy_key" TEXT,
    "duration_minutes" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "paused_seconds" INTEGER NOT NULL DEFAULT 0,
    "paused_since" TIMESTAMPTZ(3),
    "status" "sla_stage_status" NOT NULL DEFAULT 'RUNNING',
    "breached" BOOLEAN NOT NULL DEFAULT false,
    "breached_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sla_stages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hotline_recordings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "estate_id" UUID,
    "complaint_id" UUID,
    "caller_number" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_seconds" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "answered_by_id" UUID,
    "retain_until" TIMESTAMPTZ(3) NOT NULL,
    "special_event" BOOLEAN NOT NULL DEFAULT false,
    "archived_at" TIMESTAMPTZ(3),
    "archived_by_id" UUID,
    "archive_note" TEXT,
    "purged_at" TIMESTAMPTZ(3),
    "classification" "classification" NOT NULL DEFAULT 'SECRET',
    "classified_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hotline_recordings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "kind" "attachment_kind" NOT NULL,
    "document_type" TEXT,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "supersedes_id" UUID,
    "copy_of_id" UUID,
    "complaint_id" UUID,
    "claim_id" UUID,
    "callback_id" UUID,
    "visit_record_id" UUID,
    "open_letter_id" UUID,
    "corrective_action_id" UUID,
    "customer_id" UUID,
    "household_id" UUID,
    "uploaded_by_id" UUID,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "classification" "classification" NOT NULL DEFAULT 'SECRET',
    "classified_until" TIMESTAMPTZ(3),

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_values" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "estate_id" UUID,
    "value_numeric" DECIMAL(14,4),
    "unit" "policy_unit",
    "clock" "sla_clock",
    "value_json" JSONB,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "effective_to" TIMESTAMPTZ(3),
    "note" TEXT,
    "created_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "policy_values_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "monthly_report_submissions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "level" "report_level" NOT NULL,
    "month" DATE NOT NULL,
    "estate_id" UUID,
    "office_id" UUID,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "submitted_by_id" UUID,
    "attachment_id" UUID,
    "data" JSONB,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "monthly_report_submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "callbacks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "no" TEXT NOT NULL,
    "kind" "callback_kind" NOT NULL,
    "method" "callback_method",
    "status" "callback_status" NOT NULL DEFAULT 'PLANNED',
    "estate_id" UUID NOT NULL,
    "complaint_id" UUID,
    "household_id" UUID,
    "customer_id" UUID,
    "sequence" INTEGER NOT NULL DEFAULT 1,
    "previous_callback_id" UUID,
    "due_at" TIMESTAMPTZ(3),
    "called_at" TIMESTAMPTZ(3),
    "assigned_to_id" UUID,
    "staff_id" UUID,
    "reached" BOOLEAN,
    "satisfied" BOOLEAN,
    "signed" BOOLEAN NOT NULL DEFAULT false,
    "comment" TEXT,
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "review_note" TEXT,
    "review_signed" BOOLEAN NOT NULL DEFAULT false,
    "sample_member_id" UUID,
    "community_event_id" UUID,
    "survey_handout_id" UUID,
    "survey_campaign_id" UUID,
    "visit_record_id" UUID,
    "classification" "classification" NOT NULL DEFAULT 'SECRET',
    "classified_until" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "callbacks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "callback_ratings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "callback_id" UUID NOT NULL,
    "dimension" "callback_dimension" NOT NULL,
    "rating" INTEGER,
    "satisfied" BOOLEAN,
    "comment" TEXT,

    CONSTRAINT "callback_ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "callback_issues" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "callback_id" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "answered_on_spot" BOOLEAN NOT NULL DEFAULT false,
    "promised_reply_at" TIMESTAMPTZ(3),
    "replied_at" TIMESTAMPTZ(3),
    "department_id" UUID,
    "owner_id" UUID,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    "resolution" TEXT,
    "complaint_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "callback_issues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "community_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "held_on" DATE NOT NULL,
    "participant_count" INTEGER,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "community_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "callback_samples" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "kind" "callback_sample_kind" NOT NULL,
    "estate_id" UUID,
    "community_event_id" UUID,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "rate" DECIMAL(6,4) NOT NULL,
    "population_size" INTEGER NOT NULL,
    "sample_size" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "callback_samples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "callback_sample_members" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "sample_id" UUID NOT NULL,
    "complaint_id" UUID,
    "household_id" UUID,
    "customer_id" UUID,
    "reason" "sample_reason" NOT NULL DEFAULT 'RANDOM',

    CONSTRAINT "callback_sample_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_plans" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "office_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "resident_households" INTEGER,
    "target_visits" INTEGER,
    "status" "visit_plan_status" NOT NULL DEFAULT 'DRAFT',
    "created_by_id" UUID,
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "director_signed" BOOLEAN NOT NULL DEFAULT false,
    "review_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "visit_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visit_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "plan_id" UUID,
    "office_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "household_id" UUID,
    "customer_id" UUID,
    "area" TEXT,
    "kind" "visit_kind" NOT NULL DEFAULT 'ROUTINE',
    "visited_at" TIMESTAMPTZ(3) NOT NULL,
    "visitor_id" UUID,
    "content" TEXT,
    "feedback" TEXT,
    "satisfied" BOOLEAN,
    "resolved" BOOLEAN,
    "signed" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "visit_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nonconformity_reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "visit_plan_id" UUID,
    "visit_record_id" UUID,
    "complaint_id" UUID,
    "description" TEXT NOT NULL,
    "owner_id" UUID,
    "deadline_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "nonconformity_status" NOT NULL DEFAULT 'OPEN',
    "closed_at" TIMESTAMPTZ(3),
    "verification" TEXT,
    "created_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "nonconformity_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questionnaires" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "frozen" BOOLEAN NOT NULL DEFAULT false,
    "frozen_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "questionnaires_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "questionnaire_dimensions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "questionnaire_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "allow_not_applicable" BOOLEAN NOT NULL DEFAULT true,
    "is_overall" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "questionnaire_dimensions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_campaigns" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "survey_campaign_kind" NOT NULL DEFAULT 'REGULAR',
    "status" "survey_campaign_status" NOT NULL DEFAULT 'DRAFT',
    "questionnaire_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "previous_campaign_id" UUID,
    "created_by_id" UUID,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "survey_campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_campaign_estates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "resident_households" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "survey_campaign_estates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_samples" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "estate_id" UUID,
    "seed" TEXT NOT NULL,
    "rate" DECIMAL(6,4) NOT NULL,
    "population_size" INTEGER NOT NULL,
    "sample_size" INTEGER NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "survey_samples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_sample_members" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "sample_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "reason" "sample_reason" NOT NULL DEFAULT 'RANDOM',

    CONSTRAINT "survey_sample_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_handouts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "sample_member_id" UUID,
    "distributor_id" UUID,
    "handed_out_at" TIMESTAMPTZ(3) NOT NULL,
    "returned_at" TIMESTAMPTZ(3),
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "survey_handouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_responses" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "handout_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "household_id" UUID NOT NULL,
    "dimension_id" UUID NOT NULL,
    "rating" INTEGER,
    "not_applicable" BOOLEAN NOT NULL DEFAULT false,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "survey_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_tasks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "estate_id" UUID,
    "kind" "survey_task_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "owner_id" UUID,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "task_status" NOT NULL DEFAULT 'OPEN',
    "done_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "survey_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_meetings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "estate_id" UUID NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL,
    "organizer_id" UUID,
    "members_total" INTEGER NOT NULL,
    "members_met" INTEGER NOT NULL,
    "requests_raised" INTEGER NOT NULL DEFAULT 0,
    "requests_answered" INTEGER NOT NULL DEFAULT 0,
    "minutes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tenant_meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "open_letters" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "estate_id" UUID,
    "survey_campaign_id" UUID,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "method" TEXT,
    "measures" TEXT,
    "earliest_completion_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "published_by_id" UUID,
    "archived_at" TIMESTAMPTZ(3),
    "classification" "classification" NOT NULL DEFAULT 'SECRET',
    "classified_until" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "open_letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "open_letter_complaints" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "open_letter_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "open_letter_complaints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "corrective_actions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "no" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "trigger" "corrective_action_trigger" NOT NULL DEFAULT 'RECURRENCE',
    "status" "corrective_action_status" NOT NULL DEFAULT 'OPEN',
    "estate_id" UUID,
    "household_id" UUID,
    "location" TEXT,
    "category_id" UUID,
    "department_id" UUID,
    "owner_id" UUID,
    "root_cause" TEXT,
    "measures" TEXT,
    "due_at" TIMESTAMPTZ(3),
    "implemented_at" TIMESTAMPTZ(3),
    "verified_at" TIMESTAMPTZ(3),
    "verified_by_id" UUID,
    "effective" BOOLEAN,
    "verification_note" TEXT,
    "created_by_id" UUID,
    "classification" "classification" NOT NULL DEFAULT 'SECRET',
    "classified_until" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "corrective_actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "corrective_action_complaints" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "corrective_action_id" UUID NOT NULL,
    "complaint_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "corrective_action_complaints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_library_entries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "complaint_id" UUID,
    "estate_id" UUID,
    "category_id" UUID,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "lessons" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "month" DATE,
    "published_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "classification" "classification" NOT NULL DEFAULT 'INTERNAL',
    "classified_until" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_library_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staff_id" UUID,
    "api_token_id" UUID,
    "action" "access_action" NOT NULL DEFAULT 'READ',
    "record_type" "record_type" NOT NULL,
    "record_id" UUID,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "purpose" TEXT,
    "export" BOOLEAN NOT NULL DEFAULT false,
    "query" JSONB,
    "row_count" INTEGER,
    "classification" "classification",
    "approval_id" UUID,
    "government_inquiry_id" UUID,
    "ip" TEXT,

    CONSTRAINT "access_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approvals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "kind" "approval_kind" NOT NULL,
    "status" "approval_status" NOT NULL DEFAULT 'PENDING',
    "record_type" "record_type" NOT NULL,
    "record_id" UUID,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "scope" JSONB,
    "classification" "classification",
    "required_role" "staff_role",
    "purpose" TEXT NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "request_expires_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "granted_from" TIMESTAMPTZ(3),
    "granted_until" TIMESTAMPTZ(3),
    "used_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "approvals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "government_inquiries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "officer_name" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "credential_number" TEXT NOT NULL,
    "credential_type" TEXT,
    "credential_attachment_id" UUID,
    "purpose" TEXT NOT NULL,
    "verified_by_id" UUID NOT NULL,
    "verified_at" TIMESTAMPTZ(3) NOT NULL,
    "disclosed_at" TIMESTAMPTZ(3),
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "government_inquiries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_designations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "record_type" "record_type" NOT NULL,
    "record_id" UUID NOT NULL,
    "level" "classification" NOT NULL,
    "staff_id" UUID NOT NULL,
    "designated_by_id" UUID NOT NULL,
    "designated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "reason" TEXT,

    CONSTRAINT "access_designations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_revisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "record_type" "record_type" NOT NULL,
    "record_id" UUID NOT NULL,
    "record_version" INTEGER,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "reason" TEXT,
    "changed_by_id" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signature_attachment_id" UUID,

    CONSTRAINT "record_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "classification_changes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "record_type" "record_type" NOT NULL,
    "record_id" UUID NOT NULL,
    "kind" "classification_change_kind" NOT NULL,
    "from_level" "classification",
    "to_level" "classification" NOT NULL,
    "from_until" TIMESTAMPTZ(3),
    "to_until" TIMESTAMPTZ(3),
    "actor_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,

    CONSTRAINT "classification_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "archive_checks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "estate_id" UUID,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "status" "archive_check_status" NOT NULL DEFAULT 'IN_PROGRESS',
    "checked_by_id" UUID,
    "checked_at" TIMESTAMPTZ(3),
    "records_checked" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "archive_checks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "archive_check_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "check_id" UUID NOT NULL,
    "record_type" "record_type" NOT NULL,
    "record_id" UUID NOT NULL,
    "customer_id" UUID,
    "household_id" UUID,
    "document_type" TEXT NOT NULL,
    "note" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "archive_check_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_code_key" ON "organizations"("code");

-- CreateIndex
CREATE UNIQUE INDEX "working_calendars_organization_id_name_key" ON "working_calendars"("organization_id", "name");

-- CreateIndex
CREATE INDEX "working_time_slots_organization_id_calendar_id_weekday_idx" ON "working_time_slots"("organization_id", "calendar_id", "weekday");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_days_organization_id_calendar_id_date_key" ON "calendar_days"("organization_id", "calendar_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "estates_organization_id_code_key" ON "estates"("organization_id", "code");

-- CreateIndex
CREATE INDEX "offices_organization_id_estate_id_idx" ON "offices"("organization_id", "estate_id");

-- CreateIndex
CREATE UNIQUE INDEX "offices_organization_id_code_key" ON "offices"("organization_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "buildings_organization_id_estate_id_name_key" ON "buildings"("organization_id", "estate_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "units_organization_id_building_id_name_key" ON "units"("organization_id", "building_id", "name");

-- CreateIndex
CREATE INDEX "households_organization_id_estate_id_occupied_idx" ON "households"("organization_id", "estate_id", "occupied");

-- CreateIndex
CREATE INDEX "households_organization_id_building_id_idx" ON "households"("organization_id", "building_id");

-- CreateIndex
CREATE UNIQUE INDEX "households_organization_id_code_key" ON "households"("organization_id", "code");

-- CreateIndex
CREATE INDEX "customers_organization_id_phone_idx" ON "customers"("organization_id", "phone");

-- CreateIndex
CREATE INDEX "customers_organization_id_id_number_idx" ON "customers"("organization_id", "id_number");

-- CreateIndex
CREATE INDEX "household_members_organization_id_customer_id_idx" ON "household_members"("organization_id", "customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "household_members_organization_id_household_id_customer_id_key" ON "household_members"("organization_id", "household_id", "customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "departments_organization_id_code_key" ON "departments"("organization_id", "code");

-- CreateIndex
CREATE INDEX "staff_organization_id_role_idx" ON "staff"("organization_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "staff_organization_id_login_key" ON "staff"("organization_id", "login");

-- CreateIndex
CREATE INDEX "staff_estate_scopes_organization_id_estate_id_idx" ON "staff_estate_scopes"("organization_id", "estate_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_estate_scopes_organization_id_staff_id_estate_id_key" ON "staff_estate_scopes"("organization_id", "staff_id", "estate_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_organization_id_staff_id_idx" ON "sessions"("organization_id", "staff_id");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_organization_id_staff_id_idx" ON "api_tokens"("organization_id", "staff_id");

-- CreateIndex
CREATE INDEX "login_attempts_organization_id_login_at_idx" ON "login_attempts"("organization_id", "login", "at");

-- CreateIndex
CREATE INDEX "login_attempts_organization_id_ip_at_idx" ON "login_attempts"("organization_id", "ip", "at");

-- CreateIndex
CREATE INDEX "categories_organization_id_parent_id_idx" ON "categories"("organization_id", "parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "categories_organization_id_code_key" ON "categories"("organization_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "categories_organization_id_parent_id_name_key" ON "categories"("organization_id", "parent_id", "name");

-- CreateIndex
CREATE INDEX "complaints_organization_id_estate_id_received_at_idx" ON "complaints"("organization_id", "estate_id", "received_at");

-- CreateIndex
CREATE INDEX "complaints_organization_id_category_id_received_at_idx" ON "complaints"("organization_id", "category_id", "received_at");

-- CreateIndex
CREATE INDEX "complaints_organization_id_status_idx" ON "complaints"("organization_id", "status");

-- CreateIndex
CREATE INDEX "complaints_organization_id_household_id_category_id_receive_idx" ON "complaints"("organization_id", "household_id", "category_id", "received_at");

-- CreateIndex
CREATE INDEX "complaints_organization_id_estate_id_category_id_received_a_idx" ON "complaints"("organization_id", "estate_id", "category_id", "received_at");

-- CreateIndex
CREATE INDEX "complaints_organization_id_lead_department_id_received_at_idx" ON "complaints"("organization_id", "lead_department_id", "received_at");

-- CreateIndex
CREATE INDEX "complaints_organization_id_confirmed_at_idx" ON "complaints"("organization_id", "confirmed_at");

-- CreateIndex
CREATE INDEX "complaints_duplicate_of_id_idx" ON "complaints"("duplicate_of_id");

-- CreateIndex
CREATE INDEX "complaints_organization_id_complainant_id_idx" ON "complaints"("organization_id", "complainant_id");

-- CreateIndex
CREATE UNIQUE INDEX "complaints_organization_id_no_key" ON "complaints"("organization_id", "no");

-- CreateIndex
CREATE INDEX "complaint_departments_organization_id_department_id_idx" ON "complaint_departments"("organization_id", "department_id");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_departments_organization_id_complaint_id_departme_key" ON "complaint_departments"("organization_id", "complaint_id", "department_id");

-- CreateIndex
CREATE INDEX "complaint_events_organization_id_complaint_id_at_idx" ON "complaint_events"("organization_id", "complaint_id", "at");

-- CreateIndex
CREATE INDEX "complaint_events_organization_id_at_idx" ON "complaint_events"("organization_id", "at");

-- CreateIndex
CREATE INDEX "complaint_plans_organization_id_complaint_id_idx" ON "complaint_plans"("organization_id", "complaint_id");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_promises_organization_id_complaint_id_sequence_key" ON "complaint_promises"("organization_id", "complaint_id", "sequence");

-- CreateIndex
CREATE INDEX "complaint_confirmations_organization_id_complaint_id_idx" ON "complaint_confirmations"("organization_id", "complaint_id");

-- CreateIndex
CREATE INDEX "complaint_acknowledgements_organization_id_complaint_id_idx" ON "complaint_acknowledgements"("organization_id", "complaint_id");

-- CreateIndex
CREATE INDEX "developer_handoffs_organization_id_complaint_id_idx" ON "developer_handoffs"("organization_id", "complaint_id");

-- CreateIndex
CREATE INDEX "developer_handoffs_organization_id_deadline_at_idx" ON "developer_handoffs"("organization_id", "deadline_at");

-- CreateIndex
CREATE INDEX "claims_organization_id_complaint_id_idx" ON "claims"("organization_id", "complaint_id");

-- CreateIndex
CREATE INDEX "claims_organization_id_status_idx" ON "claims"("organization_id", "status");

-- CreateIndex
CREATE INDEX "complaint_escalations_organization_id_complaint_id_at_idx" ON "complaint_escalations"("organization_id", "complaint_id", "at");

-- CreateIndex
CREATE INDEX "complaint_daily_reviews_organization_id_review_date_idx" ON "complaint_daily_reviews"("organization_id", "review_date");

-- CreateIndex
CREATE UNIQUE INDEX "complaint_daily_reviews_organization_id_complaint_id_review_key" ON "complaint_daily_reviews"("organization_id", "complaint_id", "review_date");

-- CreateIndex
CREATE INDEX "sla_stages_organization_id_rule_deadline_at_idx" ON "sla_stages"("organization_id", "rule", "deadline_at");

-- CreateIndex
CREATE INDEX "sla_stages_organization_id_estate_id_started_at_idx" ON "sla_stages"("organization_id", "estate_id", "started_at");

-- CreateIndex
CREATE INDEX "sla_stages_organization_id_status_deadline_at_idx" ON "sla_stages"("organization_id", "status", "deadline_at");

-- CreateIndex
CREATE UNIQUE INDEX "sla_stages_organization_id_complaint_id_rule_stage_key" ON "sla_stages"("organization_id", "complaint_id", "rule", "stage");

-- CreateIndex
CREATE INDEX "hotline_recordings_organization_id_started_at_idx" ON "hotline_recordings"("organization_id", "started_at");

-- CreateIndex
CREATE INDEX "hotline_recordings_organization_id_retain_until_idx" ON "hotline_recordings"("organization_id", "retain_until");

-- CreateIndex
CREATE INDEX "hotline_recordings_organization_id_complaint_id_idx" ON "hotline_recordings"("organization_id", "complaint_id");

-- CreateIndex
CREATE INDEX "attachments_organization_id_complaint_id_idx" ON "attachments"("organization_id", "complaint_id");

-- CreateIndex
CREATE INDEX "attachments_organization_id_callback_id_idx" ON "attachments"("organization_id", "callback_id");

-- CreateIndex
CREATE INDEX "attachments_organization_id_customer_id_idx" ON "attachments"("organization_id", "customer_id");

-- CreateIndex
CREATE INDEX "policy_values_organization_id_key_effective_from_idx" ON "policy_values"("organization_id", "key", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "policy_values_organization_id_key_estate_id_effective_from_key" ON "policy_values"("organization_id", "key", "estate_id", "effective_from");

-- CreateIndex
CREATE INDEX "monthly_report_submissions_organization_id_month_idx" ON "monthly_report_submissions"("organization_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "monthly_report_submissions_organization_id_level_month_offi_key" ON "monthly_report_submissions"("organization_id", "level", "month", "office_id");

-- CreateIndex
CREATE INDEX "callbacks_organization_id_estate_id_called_at_idx" ON "callbacks"("organization_id", "estate_id", "called_at");

-- CreateIndex
CREATE INDEX "callbacks_organization_id_complaint_id_idx" ON "callbacks"("organization_id", "complaint_id");

-- CreateIndex
CREATE INDEX "callbacks_organization_id_status_due_at_idx" ON "callbacks"("organization_id", "status", "due_at");

-- CreateIndex
CREATE INDEX "callbacks_organization_id_kind_called_at_idx" ON "callbacks"("organization_id", "kind", "called_at");

-- CreateIndex
CREATE UNIQUE INDEX "callbacks_organization_id_no_key" ON "callbacks"("organization_id", "no");

-- CreateIndex
CREATE UNIQUE INDEX "callback_ratings_organization_id_callback_id_dimension_key" ON "callback_ratings"("organization_id", "callback_id", "dimension");

-- CreateIndex
CREATE INDEX "callback_issues_organization_id_callback_id_idx" ON "callback_issues"("organization_id", "callback_id");

-- CreateIndex
CREATE INDEX "callback_issues_organization_id_resolved_promised_reply_at_idx" ON "callback_issues"("organization_id", "resolved", "promised_reply_at");

-- CreateIndex
CREATE INDEX "community_events_organization_id_estate_id_held_on_idx" ON "community_events"("organization_id", "estate_id", "held_on");

-- CreateIndex
CREATE INDEX "callback_samples_organization_id_kind_period_start_idx" ON "callback_samples"("organization_id", "kind", "period_start");

-- CreateIndex
CREATE INDEX "callback_sample_members_organization_id_sample_id_idx" ON "callback_sample_members"("organization_id", "sample_id");

-- CreateIndex
CREATE UNIQUE INDEX "visit_plans_organization_id_office_id_month_key" ON "visit_plans"("organization_id", "office_id", "month");

-- CreateIndex
CREATE INDEX "visit_records_organization_id_office_id_visited_at_idx" ON "visit_records"("organization_id", "office_id", "visited_at");

-- CreateIndex
CREATE INDEX "visit_records_organization_id_estate_id_visited_at_idx" ON "visit_records"("organization_id", "estate_id", "visited_at");

-- CreateIndex
CREATE INDEX "visit_records_organization_id_household_id_idx" ON "visit_records"("organization_id", "household_id");

-- CreateIndex
CREATE INDEX "nonconformity_reports_organization_id_estate_id_deadline_at_idx" ON "nonconformity_reports"("organization_id", "estate_id", "deadline_at");

-- CreateIndex
CREATE INDEX "nonconformity_reports_organization_id_status_idx" ON "nonconformity_reports"("organization_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaires_organization_id_code_revision_key" ON "questionnaires"("organization_id", "code", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "questionnaire_dimensions_organization_id_questionnaire_id_c_key" ON "questionnaire_dimensions"("organization_id", "questionnaire_id", "code");

-- CreateIndex
CREATE INDEX "survey_campaigns_organization_id_starts_at_idx" ON "survey_campaigns"("organization_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "survey_campaigns_organization_id_code_key" ON "survey_campaigns"("organization_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "survey_campaign_estates_organization_id_campaign_id_estate__key" ON "survey_campaign_estates"("organization_id", "campaign_id", "estate_id");

-- CreateIndex
CREATE INDEX "survey_samples_organization_id_campaign_id_idx" ON "survey_samples"("organization_id", "campaign_id");

-- CreateIndex
CREATE INDEX "survey_sample_members_organization_id_sample_id_idx" ON "survey_sample_members"("organization_id", "sample_id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_sample_members_organization_id_campaign_id_household_key" ON "survey_sample_members"("organization_id", "campaign_id", "household_id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_handouts_sample_member_id_key" ON "survey_handouts"("sample_member_id");

-- CreateIndex
CREATE INDEX "survey_handouts_organization_id_campaign_id_estate_id_idx" ON "survey_handouts"("organization_id", "campaign_id", "estate_id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_handouts_organization_id_campaign_id_household_id_key" ON "survey_handouts"("organization_id", "campaign_id", "household_id");

-- CreateIndex
CREATE INDEX "survey_responses_organization_id_campaign_id_dimension_id_idx" ON "survey_responses"("organization_id", "campaign_id", "dimension_id");

-- CreateIndex
CREATE INDEX "survey_responses_organization_id_campaign_id_estate_id_dime_idx" ON "survey_responses"("organization_id", "campaign_id", "estate_id", "dimension_id");

-- CreateIndex
CREATE UNIQUE INDEX "survey_responses_organization_id_handout_id_dimension_id_key" ON "survey_responses"("organization_id", "handout_id", "dimension_id");

-- CreateIndex
CREATE INDEX "survey_tasks_organization_id_campaign_id_due_at_idx" ON "survey_tasks"("organization_id", "campaign_id", "due_at");

-- CreateIndex
CREATE INDEX "tenant_meetings_organization_id_estate_id_held_at_idx" ON "tenant_meetings"("organization_id", "estate_id", "held_at");

-- CreateIndex
CREATE INDEX "open_letters_organization_id_estate_id_published_at_idx" ON "open_letters"("organization_id", "estate_id", "published_at");

-- CreateIndex
CREATE INDEX "open_letter_complaints_organization_id_complaint_id_idx" ON "open_letter_complaints"("organization_id", "complaint_id");

-- CreateIndex
CREATE UNIQUE INDEX "open_letter_complaints_organization_id_open_letter_id_compl_key" ON "open_letter_complaints"("organization_id", "open_letter_id", "complaint_id");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_estate_id_created_at_idx" ON "corrective_actions"("organization_id", "estate_id", "created_at");

-- CreateIndex
CREATE INDEX "corrective_actions_organization_id_status_due_at_idx" ON "corrective_actions"("organization_id", "status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "corrective_actions_organization_id_no_key" ON "corrective_actions"("organization_id", "no");

-- CreateIndex
CREATE INDEX "corrective_action_complaints_organization_id_complaint_id_idx" ON "corrective_action_complaints"("organization_id", "complaint_id");

-- CreateIndex
CREATE UNIQUE INDEX "corrective_action_complaints_organization_id_corrective_act_key" ON "corrective_action_complaints"("organization_id", "corrective_action_id", "complaint_id");

-- CreateIndex
CREATE INDEX "case_library_entries_organization_id_category_id_idx" ON "case_library_entries"("organization_id", "category_id");

-- CreateIndex
CREATE INDEX "case_library_entries_organization_id_month_idx" ON "case_library_entries"("organization_id", "month");

-- CreateIndex
CREATE INDEX "access_logs_organization_id_at_idx" ON "access_logs"("organization_id", "at");

-- CreateIndex
CREATE INDEX "access_logs_organization_id_record_type_record_id_idx" ON "access_logs"("organization_id", "record_type", "record_id");

-- CreateIndex
CREATE INDEX "access_logs_organization_id_staff_id_at_idx" ON "access_logs"("organization_id", "staff_id", "at");

-- CreateIndex
CREATE INDEX "approvals_organization_id_status_requested_at_idx" ON "approvals"("organization_id", "status", "requested_at");

-- CreateIndex
CREATE INDEX "approvals_organization_id_requested_by_id_status_idx" ON "approvals"("organization_id", "requested_by_id", "status");

-- CreateIndex
CREATE INDEX "approvals_organization_id_record_type_record_id_idx" ON "approvals"("organization_id", "record_type", "record_id");

-- CreateIndex
CREATE INDEX "government_inquiries_organization_id_verified_at_idx" ON "government_inquiries"("organization_id", "verified_at");

-- CreateIndex
CREATE INDEX "access_designations_organization_id_record_type_record_id_idx" ON "access_designations"("organization_id", "record_type", "record_id");

-- CreateIndex
CREATE INDEX "access_designations_organization_id_staff_id_idx" ON "access_designations"("organization_id", "staff_id");

-- CreateIndex
CREATE INDEX "record_revisions_organization_id_record_type_record_id_chan_idx" ON "record_revisions"("organization_id", "record_type", "record_id", "changed_at");

-- CreateIndex
CREATE INDEX "record_revisions_organization_id_changed_at_idx" ON "record_revisions"("organization_id", "changed_at");

-- CreateIndex
CREATE INDEX "classification_changes_organization_id_record_type_record_i_idx" ON "classification_changes"("organization_id", "record_type", "record_id", "at");

-- CreateIndex
CREATE INDEX "archive_checks_organization_id_period_start_idx" ON "archive_checks"("organization_id", "period_start");

-- CreateIndex
CREATE INDEX "archive_check_items_organization_id_check_id_idx" ON "archive_check_items"("organization_id", "check_id");

-- AddForeignKey
ALTER TABLE "working_calendars" ADD CONSTRAINT "working_calendars_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_time_slots" ADD CONSTRAINT "working_time_slots_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "working_time_slots" ADD CONSTRAINT "working_time_slots_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "working_calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "working_calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "estates" ADD CONSTRAINT "estates_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "estates" ADD CONSTRAINT "estates_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "working_calendars"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offices" ADD CONSTRAINT "offices_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offices" ADD CONSTRAINT "offices_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offices" ADD CONSTRAINT "offices_director_id_fkey" FOREIGN KEY ("director_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_building_id_fkey" FOREIGN KEY ("building_id") REFERENCES "buildings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "households" ADD CONSTRAINT "households_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "households" ADD CONSTRAINT "households_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "households" ADD CONSTRAINT "households_building_id_fkey" FOREIGN KEY ("building_id") REFERENCES "buildings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "households" ADD CONSTRAINT "households_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_head_id_fkey" FOREIGN KEY ("head_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff" ADD CONSTRAINT "staff_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff" ADD CONSTRAINT "staff_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_estate_scopes" ADD CONSTRAINT "staff_estate_scopes_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_estate_scopes" ADD CONSTRAINT "staff_estate_scopes_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_estate_scopes" ADD CONSTRAINT "staff_estate_scopes_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_previous_session_id_fkey" FOREIGN KEY ("previous_session_id") REFERENCES "sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "categories" ADD CONSTRAINT "categories_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_building_id_fkey" FOREIGN KEY ("building_id") REFERENCES "buildings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_complainant_id_fkey" FOREIGN KEY ("complainant_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_subject_staff_id_fkey" FOREIGN KEY ("subject_staff_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_subject_department_id_fkey" FOREIGN KEY ("subject_department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_received_by_id_fkey" FOREIGN KEY ("received_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_received_by_department_id_fkey" FOREIGN KEY ("received_by_department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_received_at_office_id_fkey" FOREIGN KEY ("received_at_office_id") REFERENCES "offices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_lead_department_id_fkey" FOREIGN KEY ("lead_department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_source_callback_id_fkey" FOREIGN KEY ("source_callback_id") REFERENCES "callbacks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_source_survey_handout_id_fkey" FOREIGN KEY ("source_survey_handout_id") REFERENCES "survey_handouts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_departments" ADD CONSTRAINT "complaint_departments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_departments" ADD CONSTRAINT "complaint_departments_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_departments" ADD CONSTRAINT "complaint_departments_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_departments" ADD CONSTRAINT "complaint_departments_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_plans" ADD CONSTRAINT "complaint_plans_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_plans" ADD CONSTRAINT "complaint_plans_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_plans" ADD CONSTRAINT "complaint_plans_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_plans" ADD CONSTRAINT "complaint_plans_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_plans" ADD CONSTRAINT "complaint_plans_confirmed_by_id_fkey" FOREIGN KEY ("confirmed_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_promises" ADD CONSTRAINT "complaint_promises_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_promises" ADD CONSTRAINT "complaint_promises_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_promises" ADD CONSTRAINT "complaint_promises_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "complaint_plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_promises" ADD CONSTRAINT "complaint_promises_previous_promise_id_fkey" FOREIGN KEY ("previous_promise_id") REFERENCES "complaint_promises"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_promises" ADD CONSTRAINT "complaint_promises_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_promises" ADD CONSTRAINT "complaint_promises_reconfirmed_by_id_fkey" FOREIGN KEY ("reconfirmed_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_confirmations" ADD CONSTRAINT "complaint_confirmations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_confirmations" ADD CONSTRAINT "complaint_confirmations_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_confirmations" ADD CONSTRAINT "complaint_confirmations_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_confirmations" ADD CONSTRAINT "complaint_confirmations_signature_attachment_id_fkey" FOREIGN KEY ("signature_attachment_id") REFERENCES "attachments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_confirmations" ADD CONSTRAINT "complaint_confirmations_recording_id_fkey" FOREIGN KEY ("recording_id") REFERENCES "hotline_recordings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_confirmations" ADD CONSTRAINT "complaint_confirmations_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_acknowledgements" ADD CONSTRAINT "complaint_acknowledgements_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_acknowledgements" ADD CONSTRAINT "complaint_acknowledgements_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_acknowledgements" ADD CONSTRAINT "complaint_acknowledgements_sent_by_id_fkey" FOREIGN KEY ("sent_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "developer_handoffs" ADD CONSTRAINT "developer_handoffs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "developer_handoffs" ADD CONSTRAINT "developer_handoffs_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "developer_handoffs" ADD CONSTRAINT "developer_handoffs_forwarded_by_id_fkey" FOREIGN KEY ("forwarded_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_approval_id_fkey" FOREIGN KEY ("approval_id") REFERENCES "approvals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_escalations" ADD CONSTRAINT "complaint_escalations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_escalations" ADD CONSTRAINT "complaint_escalations_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_escalations" ADD CONSTRAINT "complaint_escalations_sla_stage_id_fkey" FOREIGN KEY ("sla_stage_id") REFERENCES "sla_stages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_escalations" ADD CONSTRAINT "complaint_escalations_escalated_by_id_fkey" FOREIGN KEY ("escalated_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_escalations" ADD CONSTRAINT "complaint_escalations_escalated_to_id_fkey" FOREIGN KEY ("escalated_to_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_daily_reviews" ADD CONSTRAINT "complaint_daily_reviews_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_daily_reviews" ADD CONSTRAINT "complaint_daily_reviews_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "complaint_daily_reviews" ADD CONSTRAINT "complaint_daily_reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_stages" ADD CONSTRAINT "sla_stages_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_stages" ADD CONSTRAINT "sla_stages_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_stages" ADD CONSTRAINT "sla_stages_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_recordings" ADD CONSTRAINT "hotline_recordings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_recordings" ADD CONSTRAINT "hotline_recordings_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_recordings" ADD CONSTRAINT "hotline_recordings_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_recordings" ADD CONSTRAINT "hotline_recordings_answered_by_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hotline_recordings" ADD CONSTRAINT "hotline_recordings_archived_by_id_fkey" FOREIGN KEY ("archived_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "attachments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_copy_of_id_fkey" FOREIGN KEY ("copy_of_id") REFERENCES "attachments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_callback_id_fkey" FOREIGN KEY ("callback_id") REFERENCES "callbacks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_visit_record_id_fkey" FOREIGN KEY ("visit_record_id") REFERENCES "visit_records"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_open_letter_id_fkey" FOREIGN KEY ("open_letter_id") REFERENCES "open_letters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_corrective_action_id_fkey" FOREIGN KEY ("corrective_action_id") REFERENCES "corrective_actions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_values" ADD CONSTRAINT "policy_values_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_values" ADD CONSTRAINT "policy_values_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_values" ADD CONSTRAINT "policy_values_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monthly_report_submissions" ADD CONSTRAINT "monthly_report_submissions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monthly_report_submissions" ADD CONSTRAINT "monthly_report_submissions_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monthly_report_submissions" ADD CONSTRAINT "monthly_report_submissions_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monthly_report_submissions" ADD CONSTRAINT "monthly_report_submissions_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monthly_report_submissions" ADD CONSTRAINT "monthly_report_submissions_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_previous_callback_id_fkey" FOREIGN KEY ("previous_callback_id") REFERENCES "callbacks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_sample_member_id_fkey" FOREIGN KEY ("sample_member_id") REFERENCES "callback_sample_members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_community_event_id_fkey" FOREIGN KEY ("community_event_id") REFERENCES "community_events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_survey_handout_id_fkey" FOREIGN KEY ("survey_handout_id") REFERENCES "survey_handouts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_survey_campaign_id_fkey" FOREIGN KEY ("survey_campaign_id") REFERENCES "survey_campaigns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_visit_record_id_fkey" FOREIGN KEY ("visit_record_id") REFERENCES "visit_records"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_ratings" ADD CONSTRAINT "callback_ratings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_ratings" ADD CONSTRAINT "callback_ratings_callback_id_fkey" FOREIGN KEY ("callback_id") REFERENCES "callbacks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_issues" ADD CONSTRAINT "callback_issues_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_issues" ADD CONSTRAINT "callback_issues_callback_id_fkey" FOREIGN KEY ("callback_id") REFERENCES "callbacks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_issues" ADD CONSTRAINT "callback_issues_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_issues" ADD CONSTRAINT "callback_issues_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_issues" ADD CONSTRAINT "callback_issues_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_issues" ADD CONSTRAINT "callback_issues_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_samples" ADD CONSTRAINT "callback_samples_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_samples" ADD CONSTRAINT "callback_samples_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_samples" ADD CONSTRAINT "callback_samples_community_event_id_fkey" FOREIGN KEY ("community_event_id") REFERENCES "community_events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_samples" ADD CONSTRAINT "callback_samples_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_sample_members" ADD CONSTRAINT "callback_sample_members_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_sample_members" ADD CONSTRAINT "callback_sample_members_sample_id_fkey" FOREIGN KEY ("sample_id") REFERENCES "callback_samples"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_sample_members" ADD CONSTRAINT "callback_sample_members_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_sample_members" ADD CONSTRAINT "callback_sample_members_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "callback_sample_members" ADD CONSTRAINT "callback_sample_members_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_records" ADD CONSTRAINT "visit_records_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_records" ADD CONSTRAINT "visit_records_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "visit_plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_records" ADD CONSTRAINT "visit_records_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_records" ADD CONSTRAINT "visit_records_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_records" ADD CONSTRAINT "visit_records_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_records" ADD CONSTRAINT "visit_records_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "visit_records" ADD CONSTRAINT "visit_records_visitor_id_fkey" FOREIGN KEY ("visitor_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformity_reports" ADD CONSTRAINT "nonconformity_reports_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformity_reports" ADD CONSTRAINT "nonconformity_reports_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformity_reports" ADD CONSTRAINT "nonconformity_reports_visit_plan_id_fkey" FOREIGN KEY ("visit_plan_id") REFERENCES "visit_plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformity_reports" ADD CONSTRAINT "nonconformity_reports_visit_record_id_fkey" FOREIGN KEY ("visit_record_id") REFERENCES "visit_records"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformity_reports" ADD CONSTRAINT "nonconformity_reports_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformity_reports" ADD CONSTRAINT "nonconformity_reports_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nonconformity_reports" ADD CONSTRAINT "nonconformity_reports_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_dimensions" ADD CONSTRAINT "questionnaire_dimensions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_dimensions" ADD CONSTRAINT "questionnaire_dimensions_questionnaire_id_fkey" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_questionnaire_id_fkey" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_previous_campaign_id_fkey" FOREIGN KEY ("previous_campaign_id") REFERENCES "survey_campaigns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_campaign_estates" ADD CONSTRAINT "survey_campaign_estates_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_campaign_estates" ADD CONSTRAINT "survey_campaign_estates_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_campaign_estates" ADD CONSTRAINT "survey_campaign_estates_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_samples" ADD CONSTRAINT "survey_samples_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_samples" ADD CONSTRAINT "survey_samples_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_samples" ADD CONSTRAINT "survey_samples_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_samples" ADD CONSTRAINT "survey_samples_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_sample_members" ADD CONSTRAINT "survey_sample_members_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_sample_members" ADD CONSTRAINT "survey_sample_members_sample_id_fkey" FOREIGN KEY ("sample_id") REFERENCES "survey_samples"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_sample_members" ADD CONSTRAINT "survey_sample_members_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_sample_members" ADD CONSTRAINT "survey_sample_members_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_sample_members" ADD CONSTRAINT "survey_sample_members_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_handouts" ADD CONSTRAINT "survey_handouts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_handouts" ADD CONSTRAINT "survey_handouts_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_handouts" ADD CONSTRAINT "survey_handouts_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_handouts" ADD CONSTRAINT "survey_handouts_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_handouts" ADD CONSTRAINT "survey_handouts_sample_member_id_fkey" FOREIGN KEY ("sample_member_id") REFERENCES "survey_sample_members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_handouts" ADD CONSTRAINT "survey_handouts_distributor_id_fkey" FOREIGN KEY ("distributor_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_handout_id_fkey" FOREIGN KEY ("handout_id") REFERENCES "survey_handouts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_dimension_id_fkey" FOREIGN KEY ("dimension_id") REFERENCES "questionnaire_dimensions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_tasks" ADD CONSTRAINT "survey_tasks_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_tasks" ADD CONSTRAINT "survey_tasks_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_tasks" ADD CONSTRAINT "survey_tasks_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_tasks" ADD CONSTRAINT "survey_tasks_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tenant_meetings" ADD CONSTRAINT "tenant_meetings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tenant_meetings" ADD CONSTRAINT "tenant_meetings_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tenant_meetings" ADD CONSTRAINT "tenant_meetings_organizer_id_fkey" FOREIGN KEY ("organizer_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open_letters" ADD CONSTRAINT "open_letters_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open_letters" ADD CONSTRAINT "open_letters_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open_letters" ADD CONSTRAINT "open_letters_survey_campaign_id_fkey" FOREIGN KEY ("survey_campaign_id") REFERENCES "survey_campaigns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open_letters" ADD CONSTRAINT "open_letters_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open_letter_complaints" ADD CONSTRAINT "open_letter_complaints_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open_letter_complaints" ADD CONSTRAINT "open_letter_complaints_open_letter_id_fkey" FOREIGN KEY ("open_letter_id") REFERENCES "open_letters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open_letter_complaints" ADD CONSTRAINT "open_letter_complaints_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_action_complaints" ADD CONSTRAINT "corrective_action_complaints_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_action_complaints" ADD CONSTRAINT "corrective_action_complaints_corrective_action_id_fkey" FOREIGN KEY ("corrective_action_id") REFERENCES "corrective_actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrective_action_complaints" ADD CONSTRAINT "corrective_action_complaints_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_library_entries" ADD CONSTRAINT "case_library_entries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_library_entries" ADD CONSTRAINT "case_library_entries_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_library_entries" ADD CONSTRAINT "case_library_entries_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_library_entries" ADD CONSTRAINT "case_library_entries_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_library_entries" ADD CONSTRAINT "case_library_entries_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_api_token_id_fkey" FOREIGN KEY ("api_token_id") REFERENCES "api_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_approval_id_fkey" FOREIGN KEY ("approval_id") REFERENCES "approvals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_logs" ADD CONSTRAINT "access_logs_government_inquiry_id_fkey" FOREIGN KEY ("government_inquiry_id") REFERENCES "government_inquiries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "government_inquiries" ADD CONSTRAINT "government_inquiries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "government_inquiries" ADD CONSTRAINT "government_inquiries_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "government_inquiries" ADD CONSTRAINT "government_inquiries_credential_attachment_id_fkey" FOREIGN KEY ("credential_attachment_id") REFERENCES "attachments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_designations" ADD CONSTRAINT "access_designations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_designations" ADD CONSTRAINT "access_designations_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_designations" ADD CONSTRAINT "access_designations_designated_by_id_fkey" FOREIGN KEY ("designated_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_revisions" ADD CONSTRAINT "record_revisions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_revisions" ADD CONSTRAINT "record_revisions_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_revisions" ADD CONSTRAINT "record_revisions_signature_attachment_id_fkey" FOREIGN KEY ("signature_attachment_id") REFERENCES "attachments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "classification_changes" ADD CONSTRAINT "classification_changes_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "classification_changes" ADD CONSTRAINT "classification_changes_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_checks" ADD CONSTRAINT "archive_checks_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_checks" ADD CONSTRAINT "archive_checks_estate_id_fkey" FOREIGN KEY ("estate_id") REFERENCES "estates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_checks" ADD CONSTRAINT "archive_checks_checked_by_id_fkey" FOREIGN KEY ("checked_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_check_items" ADD CONSTRAINT "archive_check_items_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_check_items" ADD CONSTRAINT "archive_check_items_check_id_fkey" FOREIGN KEY ("check_id") REFERENCES "archive_checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_check_items" ADD CONSTRAINT "archive_check_items_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_check_items" ADD CONSTRAINT "archive_check_items_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE SET NULL ON UPDATE CASCADE;

