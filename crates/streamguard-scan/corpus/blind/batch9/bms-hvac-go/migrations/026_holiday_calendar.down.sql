DROP TABLE IF EXISTS holiday_calendars;
