#pragma once
// Text encodings of attribute data: what a Shapefile declares, a guess for undeclared
// bytes, decoding. Pure functions over files and bytes: any thread.
#include <QByteArray>
#include <QString>
#include <vector>

namespace refuge {

// Declared encoding of a .shp/.dbf: from the .cpg file or the DBF language driver
// byte ("LDID/87"); empty when the file declares none.
QString declaredShapefileEncoding(const QString &shpPath);
// Best guess for undeclared bytes: "UTF-8" if all valid UTF-8, else "GBK" if they decode
// as GBK without error, else "ISO-8859-1".
QString guessEncoding(const std::vector<QByteArray> &samples);
// `bytes` decoded from `encoding` (Qt's codecs, else GDAL's iconv).
QString decodeText(const QByteArray &bytes, const QString &encoding);
// A text encoding GDAL (iconv) or Qt can decode; else throws InvalidInput
// "<label>: unknown text encoding 'X' (e.g. UTF-8, GBK, GB18030, Big5, CP1252)".
void checkEncoding(const QString &encoding, const QString &label);
// The file beside `path` with its base name and `suffix` (any case); "" if none.
QString siblingFile(const QString &path, const QString &suffix);

} // namespace refuge
