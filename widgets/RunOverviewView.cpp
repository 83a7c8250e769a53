#include "RunOverviewView.h"

#include "figures/BlockSeriesView.h"
#include "figures/SimilarityHeatmapView.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace nad {

RunOverviewView::RunOverviewView(QWidget* parent) : QWidget(parent)
{
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("overviewHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("overviewWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    // The same orange as the figures' warning notes, on a pale background so it is not missed.
    m_warnings->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; background: #fff4e0; padding: 4px; }"));
    m_warnings->hide();
    m_similarity = new SimilarityHeatmapView(this);
    m_similarity->setObjectName(QStringLiteral("overviewSimilarity"));
    m_similarity->setToolTip(tr("Click a cell to compare the two concepts' paths block by block"));
    m_usage = new BlockSeriesView(QStringLiteral("unit-usage-run"), this);
    m_usage->setObjectName(QStringLiteral("overviewUsage"));
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_similarity);
    splitter->addWidget(m_usage);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_warnings);
    layout->addWidget(splitter, 1);
    connect(m_similarity, &SimilarityHeatmapView::cellClicked, this, &RunOverviewView::conceptPairClicked);
}

void RunOverviewView::setHeadline(const QString& text)
{
    m_headline->setText(text);
}

QString RunOverviewView::headline() const
{
    return m_headline->text();
}

void RunOverviewView::setWarnings(const QStringList& warnings)
{
    m_warningLines = warnings;
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
}

}  // namespace nad
