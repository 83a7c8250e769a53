#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;

namespace nad {

class BlockSeriesView;
class SimilarityHeatmapView;

// The first screen of a project with evaluated runs: the selected run in one page. A headline
// (concepts, initializations, precision, specificity and AUROC of the paths against the original
// network), the evaluation's warnings (what to know before trusting the numbers), the path
// similarity with its dendrogram (Fig. 7) and the unit usage per block (Fig. 4).
class RunOverviewView : public QWidget
{
    Q_OBJECT
public:
    explicit RunOverviewView(QWidget* parent = nullptr);

    void setHeadline(const QString& text);
    // One line each; none hides the box.
    void setWarnings(const QStringList& warnings);
    QString headline() const;
    QStringList warnings() const { return m_warningLines; }

    SimilarityHeatmapView* similarity() const { return m_similarity; }
    BlockSeriesView* usage() const { return m_usage; }

Q_SIGNALS:
    // The reader clicked the similarity of two concepts (engine order), to compare their paths.
    void conceptPairClicked(int first, int second);

private:
    QLabel* m_headline = nullptr;
    QLabel* m_warnings = nullptr;
    QStringList m_warningLines;
    SimilarityHeatmapView* m_similarity = nullptr;
    BlockSeriesView* m_usage = nullptr;
};

}  // namespace nad
