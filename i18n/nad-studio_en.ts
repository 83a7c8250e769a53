<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot save the figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Figure As</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>NAD Studio: concept feature paths of CNNs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project file to open (.nad)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (and create if needed) the Fashion-MNIST demo project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST folder for --demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the window once shown, then quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the window with each view tab in front into a folder, then quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ActivationBrowser</name>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiles of the composite image (rows × columns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A composite of randomly chosen concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or drop image files here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the most activated pixels shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top k %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept of tile %1 (row %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top %1 % pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 of %2: %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixel (%1, %2) in tile %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel sum: %1 (normalized %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Among the top %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not among the top %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference to original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each path&apos;s channel sum minus the original network&apos;s, in the original&apos;s range: white where the path changes nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>difference to original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference to original: %1 of its range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path keeps %1 % of this block&apos;s units: the original network here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path keeps %1 % of this block&apos;s units</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ActivationComparisonStrip</name>
    <message>
        <source>Choose concepts for the tiles, or drop image files here, to see their activation maps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ActivationGridView</name>
    <message>
        <source>No activation maps yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top %1 % activated pixels per block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activation (channel sum, min-max normalized) per block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path − original channel sum, in the original&apos;s range (blue less, red more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; = the path keeps ≥ 99 % of the units (the original network)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::BackgroundJob</name>
    <message>
        <source>The job stopped with an unknown error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::BlockSeriesView</name>
    <message>
        <source>block</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ClassBalanceChart</name>
    <message>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ConceptPanel</name>
    <message>
        <source>Search concepts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every concept the search shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncheck every concept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ConceptTreeModel</name>
    <message>
        <source>Concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage/block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knockout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path precision: accuracy on held-out images of the concept with its path applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit usage: mean over blocks of the share of each block&apos;s units the path keeps (as the paper&apos;s Fig. 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-vs-rest AUROC of the concept&apos;s logit under its path (its held-out images against all others)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy on the concept lost when its own units are switched off (points), and with as many random units off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n training image(s)</source>
        <translation>
            <numerusform>%1: %n training image</numerusform>
            <numerusform>%1: %n training images</numerusform>
        </translation>
    </message>
    <message>
        <source>AUROC %1 (original network %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own units off: %1 points lost on the concept; %2 ± %3 with as many random units off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No units of its own: every unit its path keeps, most other concepts&apos; paths keep too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned in %1 steps (mean over initializations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degenerate: the path answers its concept for (almost) everything, or keeps almost nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no own units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (rnd %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ExplorationTabs</name>
    <message>
        <source>Data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a cell to compare the two concepts&apos; paths block by block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpretability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot compute the activation maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evaluated run yet: learn paths in the training panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a cell of the similarity heat map to compare two paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show the project&apos;s metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 has no training history (learned before schema v2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot build the composite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing activation maps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Activation maps of %n block(s)</source>
        <translation>
            <numerusform>Activation maps of %n block</numerusform>
            <numerusform>Activation maps of %n blocks</numerusform>
        </translation>
    </message>
    <message>
        <source>Knockout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluated run the overview, path and unit views show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save figure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected run at a glance: its paths against the original network, what to check before trusting them, the path similarity with its dendrogram (Fig. 7) and the unit usage (Fig. 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per class in each split of the data set: paths are learned on the training split and evaluated on the held-out one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss terms and unit usage along learning, per concept: flat tails mean the paths have settled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fig. 3: concepts per precision bin, with and without their paths. Precision only looks at the concept&apos;s own images; read it with the specificity and AUROC of the overview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causal test: accuracy lost when each concept&apos;s own units are switched off, against as many random units. A real path costs its concept far more than the random control does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fig. 7: path similarity M (Eq. 11) of every pair of concepts, ordered by average linkage. Click a cell to compare the two paths.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two concepts&apos; paths block by block: the Jaccard index per block (Eq. 10) and the units each path keeps. Click a block to explore its units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Concepts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per block, the units the chosen concepts&apos; paths share (first initialization): kept by all, by some, by one only, by none. Click a block to explore its units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fig. 1 and 5: a composite image&apos;s activation map at every block, for the original network and under each tile&apos;s concept path. A specific path lights up its own tile. Double-click a block&apos;s column to explore its units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit explorer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Across models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fig. 4: the share of each block&apos;s units the paths keep, per model. Near 1 the path is the original network there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fig. 6: interpretability I (Eq. 12) against accuracy, per model; Var(M) beside it does not mix accuracy in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n concept(s)</source>
        <translation>
            <numerusform>All %n concept</numerusform>
            <numerusform>All %n concepts</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked in the concept panel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ sweeps stored in the project: unit usage against specificity and precision per λ, measured on validation images. Sparser paths are worth having only while the curves stay near the original network&apos;s lines.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::FrontierPanel</name>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s sweeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show the sweeps of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No λ sweep stored in this project yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep λ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn paths at several λ for a few concepts and draw their frontier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep %1 of %2 stored in the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot prepare a sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sweeping %n λ value(s) on %1…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sweep cancelled; nothing was stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sweep learns paths for a few concepts at several λ and measures them on validation images. Start one with Sweep λ…, or store one with:
nad sweep --project %1 --model MODEL --concepts A,B,C --lambdas 0.2,0.4,0.6,0.8,1.2 --objective specific</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::FrontierView</name>
    <message>
        <source>unit usage (mean over blocks, as Fig. 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on validation images (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>specificity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, λ %2: usage %3
specificity %4 (original %5), precision %6 (original %7), AUROC %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
knockout: own units causal for %1 of %2 concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faithful and specific</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faithful, not specific</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not faithful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original specificity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: recommended λ %2, the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: recommended λ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: default λ %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::InterpretabilityScatterView</name>
    <message>
        <source>interpretability I (Eq. 12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::KnockoutView</name>
    <message>
        <source>top-1 accuracy drop (points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no own units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own units off: on the concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own units off: on the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as many random units off: on the concept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::MainWindow</name>
    <message>
        <source>NAD Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About NAD Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — NAD Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the demo project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per class — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAD projects (*.nad);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About NAD Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;NAD Studio %1&lt;/h3&gt;&lt;p&gt;Concept feature paths of convolutional networks, after &lt;i&gt;Architecture Disentanglement for Deep Neural Networks&lt;/i&gt; (Hu et al., ICCV 2021).&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where path learning runs (LibTorch %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path learning stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Figure As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAD Studio &amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open another project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training is running on %1; cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 data set(s), %3 concept(s), %4 model(s), %5 run(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zoo model, %1 % test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the concepts&apos; status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No concept checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one concept in the concept panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Learning %n path(s) on %1</source>
        <translation>
            <numerusform>Learning %n path on %1</numerusform>
            <numerusform>Learning %n paths on %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Learning paths…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %1 s; %n path(s) finished. Resume continues run %2.</source>
        <translation>
            <numerusform>Cancelled after %1 s; %n path finished. Resume continues run %2.</numerusform>
            <numerusform>Cancelled after %1 s; %n paths finished. Resume continues run %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1 finished in %2 s: %n path(s) learned and evaluated.</source>
        <translation>
            <numerusform>Run %1 finished in %2 s: %n path learned and evaluated.</numerusform>
            <numerusform>Run %1 finished in %2 s: %n paths learned and evaluated.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current tab has no figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAD Studio Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Learning concept feature paths&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Open a project (File ▸ New Project… creates one: the Fashion-MNIST demo or your own TorchScript model and image folder).&lt;/li&gt;&lt;li&gt;Check concepts in the &lt;b&gt;Concepts&lt;/b&gt; panel (a primary concept checks all of its classes).&lt;/li&gt;&lt;li&gt;Choose the model and settings in the &lt;b&gt;Training&lt;/b&gt; panel and press Start. The curves show the loss terms and the share of units each path keeps; Cancel keeps what is learned and Resume continues.&lt;/li&gt;&lt;li&gt;Explore the evaluated run in the tabs: precision (Fig. 3), unit usage (Fig. 4), path similarity with dendrograms (Fig. 7, click a cell to compare two paths), interpretability against accuracy (Fig. 6) and the activation browser (Fig. 1, 5).&lt;/li&gt;&lt;li&gt;File ▸ Save Figure As… writes the current figure as PDF, SVG or PNG with its data as CSV (sizes and fonts in Preferences).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The same engine runs headless: &lt;code&gt;nad --help&lt;/code&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the training and quit? The paths learned so far stay in the project; Resume continues the run later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::NewProjectWizard</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What do you want to take apart?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in &amp;demo: Fashion-MNIST with the model zoo (VGG, ResNet, DenseNet, DARTS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;own model: a TorchScript file and an ImageFolder data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAD projects (*.nad)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Fashion-MNIST demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models missing from the zoo are trained now (about 1 to 3 minutes per model and epoch on two cores).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs for a model that has to be trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training &amp;epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your model and data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TorchScript model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript (*.pt *.pth *.ts);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>torchvision VGG16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>torchvision ResNet50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>torchvision DenseNet121</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block spec file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blocks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block spec (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block &amp;spec file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the spec says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Input size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: primary concepts and their classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hierarchy file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Press Back to change the choices or Cancel to close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project is ready. Press Finish to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the project file goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already; choose a new file name (a project is never overwritten).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Fashion-MNIST folder (expected the four IDX files of 10 classes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one model family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1: %2 blocks, %3 classes, input %4×%4. Data set %5: %6 classes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the zoo: %1 (%2 % test accuracy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the model with torch.jit.save; the block spec says which submodules are the blocks (README: &quot;Importing your own model&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the zoo yet: installed from the models shipped with NAD Studio when the training epochs are 1 (theirs), else trained when the project is created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::PathComparisonView</name>
    <message>
        <source>Jaccard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vs %2: M = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaccard per block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean M = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::PathFlowView</name>
    <message>
        <source>block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of the block&apos;s units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concept %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept by both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept by all %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept by 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept by 2–%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept by one only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept by neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept by none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path flow: choose concepts with learned paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path flow of 1 concept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path flow of %1 concepts: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bands link categories from block to block, not units: each block has its own channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2: %3 of %4 units (%5%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
  only %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::PrecisionHistogramView</name>
    <message>
        <source>top-1 precision (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disentangled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when NAD Studio starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure export (Save figure as…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>figure&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>85 mm is one column of a two-column paper, 175 mm the full width.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG &amp;resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ont:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font &amp;size:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ProjectFigures</name>
    <message>
        <source>unit usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiles %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: learning, %1 concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ·sparsity (λ %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β·penalty (β %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: hit rate, %2 composites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concept&apos;s path (mean ± std)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hit rate (top %1 % on own tile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1: every path keeps ≥ 99 % of the units in %2 of %3 blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no knockout test (evaluate the run again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: knockout of each concept&apos;s own units</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, run %2: %n concept(s)</source>
        <translation>
            <numerusform>%1, run %2: %n concept</numerusform>
            <numerusform>%1, run %2: %n concepts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> × %n initialization(s).</source>
        <translation>
            <numerusform> × %n initialization.</numerusform>
            <numerusform> × %n initializations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paths against the original network (mean over concepts): precision %1 (%2), specificity %3 (%4), AUROC %5 (%6); unit usage %7 per block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) degenerate.</source>
        <translation>
            <numerusform>%n path degenerate.</numerusform>
            <numerusform>%n paths degenerate.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unit usage per block (Fig. 4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: usage against fidelity, λ swept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended: the sparsest λ whose mean precision is within %1 points and specificity within %2 points of the original network&apos;s, with no degenerate path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n concept(s) × %2 initialization(s), %3 validation images</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: knockout of each concept&apos;s own units, mean over %2 initializations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ProjectSetupJob</name>
    <message>
        <source>Checking the model and the data set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 with model %2 (%3 blocks) and data set %4 (%5 classes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the demo project %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo project %1 exists; it is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: reusing %2 from the zoo (%3 % test accuracy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1: epoch %2/%3, loss %4, about %5 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: training cancelled; nothing of it was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: trained %2 in %3 s (%4 % test accuracy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: installed %2, shipped with NAD Studio (%3 % test accuracy).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ProjectTreeModel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
%3
%4 training and %5 test images, %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: class %2, %3 training and %4 test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n concept(s)</source>
        <translation>
            <numerusform>%n concept</numerusform>
            <numerusform>%n concepts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2%3)
Test accuracy: %4
Input: %5×%6×%7
File: %8
SHA-256: %9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, imported TorchScript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>? concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n init(s)</source>
        <translation>
            <numerusform>%n init</numerusform>
            <numerusform>%n inits</numerusform>
        </translation>
    </message>
    <message>
        <source>run %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concepts: unreadable hyperparameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concepts: all %1 of the data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concepts (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initializations: %1, seed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data sets (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training / test images, test accuracy or run status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image size, model family, or a run&apos;s concepts, initializations, elapsed time and start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::ResumableRun</name>
    <message numerus="yes">
        <source>Continue run %1 (%2, %n concept(s))</source>
        <translation>
            <numerusform>Continue run %1 (%2, %n concept)</numerusform>
            <numerusform>Continue run %1 (%2, %n concepts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nad::RunListModel</name>
    <message>
        <source>model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 of %2 (%3 preset), the model&apos;s latest evaluated run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::RunOverviewView</name>
    <message>
        <source>Click a cell to compare the two concepts&apos; paths block by block</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::SimilarityHeatmapView</name>
    <message>
        <source>similarity M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vs %2: M = %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::SweepController</name>
    <message>
        <source>Sweeping λ %1 (%2 of %3): step %4 of at most %5…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::SweepDialog</name>
    <message>
        <source>Sweep λ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learns paths for the chosen concepts at each λ and measures them on validation images carved from the training split (never the held-out split). The finished sweep is stored in the project and drawn as a frontier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Concepts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparse and specific</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper (Eq. 4–9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;λ values:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning &amp;images per concept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validation images per class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;nitializations per λ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no model to sweep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least two concepts: specificity and the knockout test compare concepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ values: positive numbers separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::TrainingCurvesView</name>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit usage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::TrainingPanel</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper (Eq. 4–9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official code (v2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step size of the normalized update (Eq. 8): each step moves a block&apos;s mask logits by α.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step size &amp;α:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model family&apos;s default, found with a λ sweep on the zoo models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch per concept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images per concept, a seeded sample (all: every image of the class)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Images per concept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Independent runs per concept (seeds seed, seed+1, …); metrics are averaged over them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;nitializations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held-out images per class for the evaluation after learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evaluation images per class:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L_dif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparsity &amp;λ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty &amp;β:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of L_reg = Σ‖σ(s_i)‖₁ (Eq. 7): larger λ, sparser paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the mean squared mask penalty (the authors&apos; code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the concepts to learn in the concept panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n concept(s) checked</source>
        <translation>
            <numerusform>%n concept checked</numerusform>
            <numerusform>%n concepts checked</numerusform>
        </translation>
    </message>
    <message>
        <source>Initialization %1/%2 · pass %3/%4 · step %5/%6 · %7 elapsed · about %8 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ·L_reg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β·penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparse and specific</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most steps a concept takes; it stops earlier once its binary path has converged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max s&amp;teps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until converged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs over each concept&apos;s training images (the authors&apos; code runs 21), or until the binary path has converged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No λ has been chosen for %1: %2 is a general fallback. Choose one on a validation split of the training images: nad sweep --project FILE --model %1 --concepts A,B,C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the mean usage per block, summed over the blocks: larger λ, sparser paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sample of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other concepts&apos; held-out images each path&apos;s specificity and AUROC are measured on. Automatic: all of them while paths × held-out images stay within 100,000, else a seeded sample of max(100, 100,000 / paths) per concept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;gatives per concept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic (a quarter of the memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory for the decoded training images of an image folder, decoded pass by pass; a pass that does not fit is refused before learning. Does not change the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training image mem&amp;ory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps after which the step size has halved (α·T/(T+t)); constant: the paper&apos;s fixed α. A fast decay stops paths early but can freeze them before they are faithful.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step size &amp;decay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparse and specific (the default): the paper&apos;s algorithm with the share of each block&apos;s energy removed as the distance, the mean usage per block as the size, and a margin and one-vs-rest loss on other concepts&apos; images so that paths stay specific as they thin out.
Paper: L = L_dif + λ·L_reg, as in Algorithm 1.
Official: the authors&apos; public code (cross-entropy and MSE on correctly classified images, β penalty).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::UnitController</name>
    <message>
        <source>Measuring the units of %1 over %2 held-out images…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::UnitExplorerPresenter</name>
    <message>
        <source>Cannot profile the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiling unit %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::UnitExplorerView</name>
    <message>
        <source>&amp;Block:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the most responsive held-out images to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Top images:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block&apos;s units, most shared by the concepts&apos; paths first; click a header to sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a unit responds to: the held-out images that activate it most (its map over them, on one scale), its mean response per concept, and which concepts&apos; paths keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 units)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nad::UnitProfileView</name>
    <message>
        <source>Pick a block and a unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · unit %2 of %3 — kept by %4 of %5 concepts&apos; paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept by the concept&apos;s path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped by it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1: held-out image %2 (%3), response %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in %1 % of its paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: mean response %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
