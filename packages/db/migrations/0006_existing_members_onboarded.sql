-- Members who joined before newcomers' onboarding existed are past it: an upgrade must not greet
-- veterans with a newcomer's checklist. On a new install the table is empty and nothing changes.
UPDATE "memberships"
SET "onboarding" = "onboarding" || jsonb_build_object(
  'completedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'dismissedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
)
WHERE "onboarding"->>'completedAt' IS NULL;
