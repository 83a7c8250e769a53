#pragma once

class QWidget;

namespace nad {

// Help ▸ NAD Studio Help (F1): a short guide to the workflow; Help ▸ About: the version and the
// libraries it runs on. Both non-blocking (window-modal) where the event loop must keep going.
class HelpDialogs
{
public:
    static void showHelp(QWidget* parent);
    static void showAbout(QWidget* parent);
};

}  // namespace nad
