#pragma once

#include "figures/ActivationGridView.h"

#include <QPair>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QMimeData;
class QPushButton;
class QRadioButton;
class QScrollArea;
class QSlider;
class QSpinBox;
class QSplitter;

namespace nad {

class ActivationComparisonStrip;

// Explore activation maps of composite images (paper Fig. 1 and 5): choose the composite (a
// layout and one concept per tile, random concepts, or image files dropped on the browser),
// the block and the top-k %, heat-map or difference-to-original view. On top, the selected block's maps of the
// original network and of each concept's path side by side and large; below, the full grid
// (every block) in a scroll area. Hovering a map tells the block, the value at that pixel and
// the tile it lies in.
// The browser computes nothing (maps need the network, which the app runs on its worker): it
// asks with compositeRequested() / filesDropped(), and the app answers with setData().
class ActivationBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit ActivationBrowser(QWidget* parent = nullptr);

    // The concepts offered for each tile (the concepts with a learned path).
    void setConceptNames(const QStringList& names);
    QStringList conceptNames() const { return m_conceptNames; }
    // The same arguments as ActivationGridView::setData.
    void setData(const CompositeImage& composite, const QStringList& tileLabels, const QStringList& blockNames,
                 const QVector<ActivationGridView::Row>& rows);

    // "1x2", "2x2", "1x4" or "3x3" (rows x cols, CompositeBuilder::parseLayout's format).
    QString compositeLayout() const;
    void setCompositeLayout(const QString& layout);
    QVector<QString> conceptPerTile() const;
    // Sets the tile combos (as many as the layout has tiles); does not emit.
    void setConceptPerTile(const QVector<QString>& concepts);
    int selectedBlock() const;
    void setSelectedBlock(int block);
    double topPercent() const;
    void setTopPercent(double percent);
    ActivationGridView::Mode mode() const;
    void setMode(ActivationGridView::Mode mode);

    ActivationGridView* gridView() const { return m_grid; }
    ActivationComparisonStrip* strip() const { return m_strip; }
    QComboBox* tileCombo(int tile) const { return m_tileCombos.value(tile, nullptr); }

    // The tooltip for a pixel of the grid view or the strip (widget coordinates of either);
    // empty where there is no map.
    QString gridToolTip(const QPoint& gridPixel) const;
    QString stripToolTip(const QPoint& stripPixel) const;
    // The text for image pixel (x, y) of `row`'s map at `block` (row -1: the input image).
    QString pixelToolTip(int row, int block, int x, int y) const;
    // Image file extensions accepted by drag and drop (lower case, no dot).
    static QStringList imageSuffixes();

public Q_SLOTS:
    // Emits compositeRequested() for the current layout and tile concepts.
    void requestComposite();
    // Fills the tiles with distinct random concepts (repeats only with fewer concepts than
    // tiles) and emits compositeRequested().
    void randomComposite();

Q_SIGNALS:
    void compositeRequested(QVector<QString> conceptPerTile, QString layout);
    void filesDropped(QStringList files);
    // A double click on a block's column: explore that block's units.
    void blockDoubleClicked(int block);

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // The constructor's parts: the composite controls, the view controls, the strip over the
    // grid, then the signal connections between them.
    QHBoxLayout* buildCompositeRow();
    QHBoxLayout* buildViewRow();
    QSplitter* buildMapArea();
    void connectControls();
    void rebuildTileCombos(const QVector<QString>& keep);
    void updateBlockControls();
    void refreshStrip();
    void fitStrip();
    QStringList droppedImages(const QMimeData* mime) const;

    QComboBox* m_layout = nullptr;
    QWidget* m_tileBox = nullptr;
    QGridLayout* m_tileGrid = nullptr;
    QVector<QComboBox*> m_tileCombos;
    QPushButton* m_random = nullptr;
    QSlider* m_blockSlider = nullptr;
    QLabel* m_blockLabel = nullptr;
    QSlider* m_topSlider = nullptr;
    QSpinBox* m_topSpin = nullptr;
    QRadioButton* m_topMode = nullptr;
    QRadioButton* m_heatMode = nullptr;
    QRadioButton* m_differenceMode = nullptr;
    ActivationComparisonStrip* m_strip = nullptr;
    QScrollArea* m_scroll = nullptr;
    QSplitter* m_splitter = nullptr;
    bool m_userSizedSplitter = false;
    ActivationGridView* m_grid = nullptr;
    QStringList m_conceptNames;
    bool m_building = false;  // while the browser sets its own controls
};

}  // namespace nad
