-- SUR-5: a post-survey task is completed with a note saying what was done.
ALTER TABLE "survey_tasks" ADD COLUMN "done_note" TEXT;
