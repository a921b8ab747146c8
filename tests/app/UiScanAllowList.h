#pragma once
// UiScanAllowList: what may stay in Latin letters in the Chinese UI — proper names
// (Refuge, GDAL, OSM...), units (km/h, m², min), codes (EPSG:4326, GB 51143), file
// names and patterns, paths, and the project's own data (layer, field and feature names,
// added with addData). leftover(text) is the text with all of that removed, reduced to
// its Latin words: empty when the string is fine. For tst_zhuiscan.
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <algorithm>

namespace refuge::test {

class UiScanAllowList {
public:
    void addData(const QString &value)
    {
        const QString v = value.trimmed();
        if (!v.isEmpty() && v.contains(QRegularExpression(QStringLiteral("[A-Za-z]"))))
            m_data.insert(v);
        m_sorted.clear();
    }

    // Latin words left after removing the allowed parts, joined by spaces.
    QString leftover(QString text) const
    {
        for (const QString &d : sortedData())
            removeWhole(text, d);
        for (const QRegularExpression &re : patterns())
            text.replace(re, QStringLiteral(" "));
        QStringList words;
        static const QRegularExpression word(QStringLiteral(R"([A-Za-z][A-Za-z0-9_]*)"));
        for (auto it = word.globalMatch(text); it.hasNext();) {
            const QString w = it.next().captured(0);
            if (!names().contains(w))
                words << w;
        }
        return words.join(QLatin1Char(' '));
    }

    // Strings still in English that this branch has not fixed (each says why); the
    // report of issue 18 lists them. Empty when everything is translated.
    bool isKnownGap(const QString &text) const
    {
        for (const QRegularExpression &re : knownGaps())
            if (re.match(text).hasMatch())
                return true;
        return false;
    }

private:
    static bool isWordChar(QChar c) { return c.isLetterOrNumber() && c.unicode() < 0x80; }

    // Removes `part` where it stands as whole words (not "Second" in "Secondary").
    static void removeWhole(QString &text, const QString &part)
    {
        for (qsizetype at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            const qsizetype end = at + part.size();
            if ((at > 0 && isWordChar(text[at - 1])) || (end < text.size() && isWordChar(text[end])))
                continue;
            text.replace(at, part.size(), QStringLiteral(" "));
        }
    }

    const QStringList &sortedData() const
    {
        if (m_sorted.isEmpty()) {
            m_sorted = QStringList(m_data.begin(), m_data.end());
            std::sort(m_sorted.begin(), m_sorted.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
        }
        return m_sorted;
    }

    static const QList<QRegularExpression> &patterns()
    {
        static const QList<QRegularExpression> list{
            QRegularExpression(QStringLiteral(R"(\S*[/\\]\S*[/\\]\S*)")),                 // paths
            QRegularExpression(QStringLiteral(R"(\(?\*\.[\w*]+(\s+\*\.[\w*]+)*\)?)")),      // file patterns
            QRegularExpression(QStringLiteral(R"([\w\-]+\.(refuge|gpkg|shp|geojson|json|csv|pdf|png|svg|html|tif|tiff|osm|pbf|qm|kml|gml|txt|xlsx|zip)\b)"),
                               QRegularExpression::CaseInsensitiveOption),                 // file names
            QRegularExpression(QStringLiteral(R"(\b(EPSG|ESRI|IGNF):\d+)")),                // CRS codes
            QRegularExpression(QStringLiteral(R"(\b(GB|GB/T|DB\d*|NFPA)\s*[\d.\-/T]+)")),   // standards' codes
            QRegularExpression(QStringLiteral(R"(\bhttps?://\S+)")),
            QRegularExpression(QStringLiteral(R"(\b(UTF-8|UTF-16|GBK|GB18030|Big5|ISO-8859-\d+|CP\d+|Latin-1)\b)")), // encodings
            QRegularExpression(QStringLiteral(R"((?<![A-Za-z])(km/h|km²|m²|km2|m2|km|min|ms|mm|cm|px|pt|dpi|ha|s|m|h)(?![A-Za-z]))")),
        };
        return list;
    }

    // Proper names and abbreviations that stay Latin in Chinese texts.
    static const QSet<QString> &names()
    {
        static const QSet<QString> set{
            QStringLiteral("Refuge"), QStringLiteral("GDAL"), QStringLiteral("OSM"), QStringLiteral("OpenStreetMap"),
            QStringLiteral("GeoPackage"), QStringLiteral("QGIS"), QStringLiteral("PostGIS"), QStringLiteral("PostgreSQL"),
            QStringLiteral("PDF"), QStringLiteral("PNG"), QStringLiteral("SVG"), QStringLiteral("HTML"), QStringLiteral("CSV"),
            QStringLiteral("JSON"), QStringLiteral("GeoJSON"), QStringLiteral("WKT"), QStringLiteral("PROJ"), QStringLiteral("GEOS"),
            QStringLiteral("Qt"), QStringLiteral("UTM"), QStringLiteral("CRS"), QStringLiteral("EPSG"), QStringLiteral("ID"),
            QStringLiteral("fid"), QStringLiteral("NFPA"), QStringLiteral("GB"), QStringLiteral("Shapefile"),
            QStringLiteral("NAD83"), QStringLiteral("WGS"), QStringLiteral("Massachusetts"), QStringLiteral("Mainland"),
            QStringLiteral("Cambridge"), QStringLiteral("Shanghai"), QStringLiteral("English"), QStringLiteral("Jenks"),
            QStringLiteral("CBC"), QStringLiteral("INFORM"),
        };
        return set;
    }

    static const QList<QRegularExpression> &knownGaps()
    {
        static const QList<QRegularExpression> list{
            // Hazard level names are bilingual by design ("较高 Higher"): core/model/HazardSettings.cpp.
            QRegularExpression(QStringLiteral(R"(^(低|较低|中|较高|高) (Low|Lower|Medium|Higher|High)\b)")),
        };
        return list;
    }

    QSet<QString> m_data;
    mutable QStringList m_sorted;
};

} // namespace refuge::test
