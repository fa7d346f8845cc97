package org.switchboard.ivr.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Opening times per day of the week, in minutes of the day; a day not listed is closed. */
record WeeklyHours(Map<DayOfWeek, List<Range>> days) {

    WeeklyHours {
        days = Map.copyOf(days.isEmpty() ? new EnumMap<>(DayOfWeek.class) : new EnumMap<>(days));
    }

    boolean isOpen(DayOfWeek day, LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return days.getOrDefault(day, List.of()).stream().anyMatch(range -> range.contains(minute));
    }

    /** From {@code startMinute} (inclusive) to {@code endMinute} (exclusive; 1440 is midnight at the end). */
    record Range(int startMinute, int endMinute) {
        boolean contains(int minute) {
            return minute >= startMinute && minute < endMinute;
        }
    }
}
