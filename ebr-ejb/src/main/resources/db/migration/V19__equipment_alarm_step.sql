-- An equipment alarm raised during a batch names the step that was in progress on the batch when it came
-- (the deviation it raised is on that step); null when no step was in progress (between steps, or no batch).
-- The alarm log stays append-only: the column is filled when the RAISED line is written, never later.
ALTER TABLE equipment_alarm ADD COLUMN step_id varchar(64);
