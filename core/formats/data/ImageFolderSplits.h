#pragma once

#include "data/ImageFolderReader.h"

#include <cstddef>
#include <string>
#include <vector>

namespace nad {

// Which images of an ImageFolder data set paths are learned from and which evaluate them.
//
// A root with train/ and test/ or val/ sub-folders (the layout DatasetInspector recognises)
// learns on train/ and evaluates on test/, or on val/ when there is no test/: the same choice
// ProjectStore::addDataset makes for the held-out counts it records.
//
// A single ImageFolder has no held-out images of its own. Evaluating paths on the images they
// were learned from would overstate their precision, so a fixed fifth of each class (at least one
// image, chosen by a seeded permutation of the sorted file names, the same on every machine) is
// held out and the rest is learned from. Such a data set needs at least two images per class.
class ImageFolderSplits
{
public:
    // Throws DataError for a folder that is not an ImageFolder (see ImageFolderReader::scan), for
    // splits with other classes than train/, and for a single-folder class with one image.
    static ImageFolderSplits of(const std::string& root);

    const ImageFolderScan& training() const { return m_training; }
    const ImageFolderScan& heldOut() const { return m_heldOut; }
    // "train", or "all" for a single folder.
    const std::string& trainingName() const { return m_trainingName; }
    // "test" or "val", or "all" for a single folder.
    const std::string& heldOutName() const { return m_heldOutName; }
    // True when the held-out images were set aside from a single folder.
    bool isDerived() const { return m_derived; }
    const std::vector<std::string>& classNames() const { return m_training.classNames; }

    // `scan` with only the files of `classes` (all when empty), at most the first `firstPerClass`
    // of each in sorted order (all when 0). Other classes keep their place with no files, so
    // ImageFolderReader::load labels images by their index in the whole data set.
    static ImageFolderScan select(const ImageFolderScan& scan, const std::vector<int>& classes,
                                  std::size_t firstPerClass = 0);

private:
    ImageFolderScan m_training;
    ImageFolderScan m_heldOut;
    std::string m_trainingName;
    std::string m_heldOutName;
    bool m_derived = false;
};

}  // namespace nad
