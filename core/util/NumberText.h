#pragma once
// NumberText: numbers in attribute fields as people write them — "14,495", "1 234",
// full-width "１２３", "约300", "300 m²", "1.2万人" — read in ONE place for every
// field an analysis takes a number from (capacity, area, population, turnout). A value
// is missing (null, empty), plain (a number, or text C's strtod reads as it is),
// reformatted (text that needed this reader: say so in the summary) or unusable
// (text that is not a number of that kind, or not finite: never read as 0).
// Pure functions; any thread.
#include <QString>
#include <QVariant>

namespace refuge {

// Which trailing units a field's text may carry (any other unit makes it unusable).
enum class NumberKind {
    Count,   // persons: "人", "名", "persons", "people", "pax"
    AreaM2,  // square metres: "m²", "m2", "㎡", "sqm", "sq m", "平方米", "平米"
    Seconds, // "s", "sec", "seconds", "秒"
};

struct NumberRead {
    enum class Status { Missing, Plain, Reformatted, Unusable };
    Status status = Status::Missing;
    double value = 0; // finite when usable()

    bool usable() const { return status == Status::Plain || status == Status::Reformatted; }
};

// A field value: numbers (finite) are plain, text goes to readNumberText.
NumberRead readNumber(const QVariant &value, NumberKind kind);
NumberRead readNumberText(const QString &text, NumberKind kind);

} // namespace refuge
