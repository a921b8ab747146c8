// refuge: the desktop application (minimal shell until the Desktop issue fills it).
#include "model/Project.h"
#include "util/Error.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Refuge"));
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Refuge"));
    auto *label = new QLabel(&window);
    label->setAlignment(Qt::AlignCenter);
    window.setCentralWidget(label);
    const QStringList args = app.arguments();
    if (args.size() > 1) {
        try {
            const refuge::Project p = refuge::Project::load(args[1]);
            window.setWindowTitle(QStringLiteral("Refuge — %1").arg(p.title));
            label->setText(QObject::tr("%1 layers, CRS %2").arg(p.layers.size()).arg(p.crs.label()));
        } catch (const refuge::Error &e) {
            QMessageBox::critical(&window, QObject::tr("Cannot open project"), e.message());
        }
    }
    window.resize(1200, 800);
    window.show();
    return app.exec();
}
