#pragma once

#include "analysis/UnitProfile.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace nad {

class UnitProfileView;

// The unit explorer: pick a block, then a unit from the block's list (most shared by the
// concepts' paths first), and see the unit's profile (UnitProfileView). The view only asks:
// `blockSelected` wants the block's unit list (setUnits), `profileRequested` a profile that a
// worker computes (setProfile); both answers may come later.
class UnitExplorerView : public QWidget
{
    Q_OBJECT
public:
    struct UnitRow
    {
        int unit = 0;
        int conceptsKeeping = 0;  // concepts whose paths keep it in at least half of their initializations
        QStringList keptBy;
    };
    explicit UnitExplorerView(QWidget* parent = nullptr);

    // The run's blocks and their unit counts; clears the list and the profile.
    void setBlocks(const QStringList& names, const QVector<int>& units);
    // The units of `block` in the order to list them (ignored unless `block` is the current one).
    void setUnits(int block, const QVector<UnitRow>& rows);
    // Selects `block` and `unit` and asks for its profile (from the other views' "open in the
    // unit explorer"); unit −1 takes the first listed unit.
    void showUnit(int block, int unit = -1);
    void setProfile(const UnitProfile& profile);
    // A line under the controls while a profile computes (empty hides it).
    void setStatus(const QString& text);

    int currentBlock() const;
    int currentUnit() const { return m_unit; }
    int topCount() const;
    QComboBox* blockSelector() const { return m_blocks; }
    QTableWidget* unitTable() const { return m_table; }
    QSpinBox* topSelector() const { return m_top; }
    QLabel* statusLabel() const { return m_status; }
    UnitProfileView* profileView() const { return m_profile; }

Q_SIGNALS:
    void blockSelected(int block);
    void profileRequested(int block, int unit, int top);

protected:
    // Shown for the first time with a run: opens the last block (where paths differ most).
    void showEvent(QShowEvent* event) override;

private:
    void requestSelected();

    QComboBox* m_blocks = nullptr;
    QTableWidget* m_table = nullptr;
    QSpinBox* m_top = nullptr;
    QLabel* m_status = nullptr;
    UnitProfileView* m_profile = nullptr;
    int m_unit = -1;
    bool m_filling = false;  // while the list is rebuilt, selection changes ask for nothing
};

}  // namespace nad
