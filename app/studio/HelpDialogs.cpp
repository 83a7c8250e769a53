#include "HelpDialogs.h"

#include "BuildInfo.h"
#include "QtText.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace nad {

void HelpDialogs::showHelp(QWidget* parent)
{
    auto* box = new QMessageBox(
        QMessageBox::Information, QCoreApplication::translate("nad::MainWindow", "NAD Studio Help"),
        QCoreApplication::translate(
            "nad::MainWindow", "<h3>Learning concept feature paths</h3>"
                               "<ol><li>Open a project (File ▸ New Project… creates one: the Fashion-MNIST demo or "
                               "your own TorchScript model and image folder).</li>"
                               "<li>Check concepts in the <b>Concepts</b> panel (a primary concept checks all of its "
                               "classes).</li>"
                               "<li>Choose the model and settings in the <b>Training</b> panel and press Start. The "
                               "curves show the loss terms and the share of units each path keeps; Cancel keeps "
                               "what is learned and Resume continues.</li>"
                               "<li>Explore the evaluated run in the tabs: precision (Fig. 3), unit usage (Fig. 4), "
                               "path similarity with dendrograms (Fig. 7, click a cell to compare two paths), "
                               "interpretability against accuracy (Fig. 6) and the activation browser (Fig. 1, 5).</li>"
                               "<li>File ▸ Save Figure As… writes the current figure as PDF, SVG or PNG with its data "
                               "as CSV (sizes and fonts in Preferences).</li></ol>"
                               "<p>The same engine runs headless: <code>nad --help</code>.</p>"),
        QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void HelpDialogs::showAbout(QWidget* parent)
{
    QString versions = QStringLiteral("<tr><td>Qt</td><td>%1</td></tr>").arg(QString::fromLatin1(qVersion()));
    for (const auto& [name, version] : BuildInfo::libraryVersions())
        versions += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(qs(name), qs(version));
    QMessageBox::about(
        parent, QCoreApplication::translate("nad::MainWindow", "About NAD Studio"),
        QCoreApplication::translate("nad::MainWindow",
                                    "<h3>NAD Studio %1</h3><p>Concept feature paths of convolutional networks, "
                                    "after <i>Architecture Disentanglement for Deep Neural Networks</i> "
                                    "(Hu et al., ICCV 2021).</p><table>%2</table>")
            .arg(qs(BuildInfo::version()), versions));
}

}  // namespace nad
