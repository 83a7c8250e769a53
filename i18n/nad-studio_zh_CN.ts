<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot save the figure</source>
        <translation>无法保存图表</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF（*.pdf）</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG（*.svg）</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像（*.png）</translation>
    </message>
    <message>
        <source>Save Figure As</source>
        <translation>图表另存为</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>NAD Studio: concept feature paths of CNNs</source>
        <translation>NAD Studio：卷积神经网络的概念特征路径</translation>
    </message>
    <message>
        <source>Project file to open (.nad)</source>
        <translation>要打开的项目文件（.nad）</translation>
    </message>
    <message>
        <source>Open (and create if needed) the Fashion-MNIST demo project</source>
        <translation>打开（必要时创建）Fashion-MNIST 演示项目</translation>
    </message>
    <message>
        <source>Fashion-MNIST folder for --demo</source>
        <translation>--demo 使用的 Fashion-MNIST 文件夹</translation>
    </message>
    <message>
        <source>Save a PNG of the window once shown, then quit</source>
        <translation>窗口显示后保存 PNG 截图并退出</translation>
    </message>
    <message>
        <source>Save a PNG of the window with each view tab in front into a folder, then quit</source>
        <translation>依次将每个视图标签页置前，各保存一张窗口 PNG 截图到文件夹，然后退出</translation>
    </message>
</context>
<context>
    <name>nad::ActivationBrowser</name>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Tiles of the composite image (rows × columns)</source>
        <translation>合成图像的图块（行 × 列）</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>A composite of randomly chosen concepts</source>
        <translation>由随机选取的概念组成的合成图像</translation>
    </message>
    <message>
        <source>or drop image files here</source>
        <translation>或将图像文件拖放到此处</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <source>Tiles:</source>
        <translation>图块：</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of the most activated pixels shown</source>
        <translation>显示激活最强像素的比例</translation>
    </message>
    <message>
        <source>Top k %</source>
        <translation>前 k %</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>热图</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>模块：</translation>
    </message>
    <message>
        <source>Concept of tile %1 (row %2, column %3)</source>
        <translation>图块 %1 的概念（第 %2 行，第 %3 列）</translation>
    </message>
    <message>
        <source>no maps</source>
        <translation>无激活图</translation>
    </message>
    <message>
        <source>%1 / %2: %3</source>
        <translation>%1 / %2：%3</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>top %1 % pixels</source>
        <translation>前 %1 % 像素</translation>
    </message>
    <message>
        <source>heat map</source>
        <translation>热图</translation>
    </message>
    <message>
        <source>Block %1 of %2: %3 (%4)</source>
        <translation>模块 %1/%2：%3（%4）</translation>
    </message>
    <message>
        <source>Block %1 of %2: %3</source>
        <translation>模块 %1/%2：%3</translation>
    </message>
    <message>
        <source>Map: %1</source>
        <translation>激活图：%1</translation>
    </message>
    <message>
        <source>Input image</source>
        <translation>输入图像</translation>
    </message>
    <message>
        <source>Pixel (%1, %2) in tile %3 of %4</source>
        <translation>像素 (%1, %2)，位于图块 %3/%4</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Channel sum: %1 (normalized %2)</source>
        <translation>通道和：%1（归一化 %2）</translation>
    </message>
    <message>
        <source>Among the top %1 %</source>
        <translation>位于前 %1 % 之内</translation>
    </message>
    <message>
        <source>Not among the top %1 %</source>
        <translation>不在前 %1 % 之内</translation>
    </message>
    <message>
        <source>Difference to original</source>
        <translation>与原网络之差</translation>
    </message>
    <message>
        <source>Each path&apos;s channel sum minus the original network&apos;s, in the original&apos;s range: white where the path changes nothing</source>
        <translation>每条路径的通道和减去原网络的通道和，按原网络的取值范围显示：白色表示路径未作改变</translation>
    </message>
    <message>
        <source>difference to original</source>
        <translation>与原网络之差</translation>
    </message>
    <message>
        <source>Difference to original: %1 of its range</source>
        <translation>与原网络之差：其取值范围的 %1</translation>
    </message>
    <message>
        <source>The path keeps %1 % of this block&apos;s units: the original network here</source>
        <translation>路径保留了该模块 %1 % 的单元：此处即原网络</translation>
    </message>
    <message>
        <source>The path keeps %1 % of this block&apos;s units</source>
        <translation>路径保留了该模块 %1 % 的单元</translation>
    </message>
</context>
<context>
    <name>nad::ActivationComparisonStrip</name>
    <message>
        <source>Choose concepts for the tiles, or drop image files here, to see their activation maps</source>
        <translation>为图块选择概念或将图像文件拖放到此处，以查看其激活图</translation>
    </message>
</context>
<context>
    <name>nad::ActivationGridView</name>
    <message>
        <source>No activation maps yet</source>
        <translation>尚无激活图</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>top %1 % activated pixels per block</source>
        <translation>各模块激活最强的前 %1 % 像素</translation>
    </message>
    <message>
        <source>activation (channel sum, min-max normalized) per block</source>
        <translation>各模块的激活（通道和，最小-最大归一化）</translation>
    </message>
    <message>
        <source>path − original channel sum, in the original&apos;s range (blue less, red more)</source>
        <translation>路径 − 原网络的通道和，按原网络的取值范围（蓝色更少，红色更多）</translation>
    </message>
    <message>
        <source>; = the path keeps ≥ 99 % of the units (the original network)</source>
        <translation>；= 路径保留 ≥ 99 % 的单元（即原网络）</translation>
    </message>
</context>
<context>
    <name>nad::BackgroundJob</name>
    <message>
        <source>The job stopped with an unknown error.</source>
        <translation>任务因未知错误而停止。</translation>
    </message>
</context>
<context>
    <name>nad::BlockSeriesView</name>
    <message>
        <source>block</source>
        <translation>模块</translation>
    </message>
</context>
<context>
    <name>nad::ClassBalanceChart</name>
    <message>
        <source>images</source>
        <translation>图像数</translation>
    </message>
</context>
<context>
    <name>nad::ConceptPanel</name>
    <message>
        <source>Search concepts…</source>
        <translation>搜索概念…</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Check every concept the search shows</source>
        <translation>勾选搜索结果中的所有概念</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Uncheck every concept</source>
        <translation>取消勾选所有概念</translation>
    </message>
</context>
<context>
    <name>nad::ConceptTreeModel</name>
    <message>
        <source>Concept</source>
        <translation>概念</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Usage/block</source>
        <translation>使用率/模块</translation>
    </message>
    <message>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <source>Knockout</source>
        <translation>敲除</translation>
    </message>
    <message>
        <source>Path precision: accuracy on held-out images of the concept with its path applied</source>
        <translation>路径精度：应用该概念的路径后，在其留出图像上的准确率</translation>
    </message>
    <message>
        <source>Unit usage: mean over blocks of the share of each block&apos;s units the path keeps (as the paper&apos;s Fig. 4)</source>
        <translation>单元使用率：路径在各模块保留的单元比例的模块平均（同论文图 4）</translation>
    </message>
    <message>
        <source>One-vs-rest AUROC of the concept&apos;s logit under its path (its held-out images against all others)</source>
        <translation>在其路径下该概念 logit 的一对其余 AUROC（其留出图像对比其他所有图像）</translation>
    </message>
    <message>
        <source>Accuracy on the concept lost when its own units are switched off (points), and with as many random units off</source>
        <translation>关闭该概念自身单元时其准确率的下降（百分点），以及关闭同样数量随机单元时的下降</translation>
    </message>
    <message>
        <source>learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <source>learned</source>
        <translation>已学习</translation>
    </message>
    <message>
        <source>not learned</source>
        <translation>未学习</translation>
    </message>
    <message>
        <source>%1/%2 learned</source>
        <translation>已学习 %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n training image(s)</source>
        <translation>
            <numerusform>%1：%n 张训练图像</numerusform>
        </translation>
    </message>
    <message>
        <source>AUROC %1 (original network %2)</source>
        <translation>AUROC %1（原网络 %2）</translation>
    </message>
    <message>
        <source>Own units off: %1 points lost on the concept; %2 ± %3 with as many random units off</source>
        <translation>关闭自身单元：该概念下降 %1 个百分点；关闭同样数量随机单元：%2 ± %3</translation>
    </message>
    <message>
        <source>No units of its own: every unit its path keeps, most other concepts&apos; paths keep too</source>
        <translation>没有自身单元：其路径保留的每个单元，大多数其他概念的路径也保留</translation>
    </message>
    <message>
        <source>Learned in %1 steps (mean over initializations)</source>
        <translation>学习用了 %1 步（各初始化的平均）</translation>
    </message>
    <message>
        <source>Degenerate: the path answers its concept for (almost) everything, or keeps almost nothing</source>
        <translation>退化：路径对（几乎）所有输入都回答该概念，或几乎不保留任何单元</translation>
    </message>
    <message>
        <source>degenerate</source>
        <translation>退化</translation>
    </message>
    <message>
        <source>no own units</source>
        <translation>无自身单元</translation>
    </message>
    <message>
        <source>%1 (rnd %2)</source>
        <translation>%1（随机 %2）</translation>
    </message>
</context>
<context>
    <name>nad::ExplorationTabs</name>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Unit usage</source>
        <translation>单元使用率</translation>
    </message>
    <message>
        <source>Click a cell to compare the two concepts&apos; paths block by block</source>
        <translation>单击单元格，逐模块比较两个概念的路径</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Interpretability</source>
        <translation>可解释性</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>Cannot compute the activation maps</source>
        <translation>无法计算激活图</translation>
    </message>
    <message>
        <source>No evaluated run yet: learn paths in the training panel</source>
        <translation>尚无已评估的运行：请在训练面板中学习路径</translation>
    </message>
    <message>
        <source>unit usage</source>
        <translation>单元使用率</translation>
    </message>
    <message>
        <source>Click a cell of the similarity heat map to compare two paths</source>
        <translation>单击相似度热图中的单元格以比较两条路径</translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s runs</source>
        <translation>无法读取项目的运行</translation>
    </message>
    <message>
        <source>Cannot show the project&apos;s metrics</source>
        <translation>无法显示项目的指标</translation>
    </message>
    <message>
        <source>Run %1 has no training history (learned before schema v2)</source>
        <translation>运行 %1 没有训练历史（学习于 schema v2 之前）</translation>
    </message>
    <message>
        <source>Cannot show run %1</source>
        <translation>无法显示运行 %1</translation>
    </message>
    <message>
        <source>Cannot build the composite</source>
        <translation>无法生成合成图像</translation>
    </message>
    <message>
        <source>Computing activation maps…</source>
        <translation>正在计算激活图…</translation>
    </message>
    <message numerus="yes">
        <source>Activation maps of %n block(s)</source>
        <translation>
            <numerusform>%n 个模块的激活图</numerusform>
        </translation>
    </message>
    <message>
        <source>Knockout</source>
        <translation>敲除</translation>
    </message>
    <message>
        <source>The evaluated run the overview, path and unit views show</source>
        <translation>概览、路径和单元视图所显示的已评估运行</translation>
    </message>
    <message>
        <source>Save figure…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>The selected run at a glance: its paths against the original network, what to check before trusting them, the path similarity with its dendrogram (Fig. 7) and the unit usage (Fig. 4).</source>
        <translation>所选运行一览：其路径与原网络的对比、信任这些结果前需检查的事项、带树状图的路径相似度（图 7）以及单元使用率（图 4）。</translation>
    </message>
    <message>
        <source>Images per class in each split of the data set: paths are learned on the training split and evaluated on the held-out one.</source>
        <translation>数据集各划分中每类的图像数：路径在训练划分上学习，在留出划分上评估。</translation>
    </message>
    <message>
        <source>Loss terms and unit usage along learning, per concept: flat tails mean the paths have settled.</source>
        <translation>学习过程中各概念的损失项和单元使用率：曲线末端平坦表示路径已稳定。</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Fig. 3: concepts per precision bin, with and without their paths. Precision only looks at the concept&apos;s own images; read it with the specificity and AUROC of the overview.</source>
        <translation>图 3：各精度区间内的概念数，应用与不应用其路径。精度只看该概念自身的图像；请结合概览中的特异度和 AUROC 解读。</translation>
    </message>
    <message>
        <source>Causal test: accuracy lost when each concept&apos;s own units are switched off, against as many random units. A real path costs its concept far more than the random control does.</source>
        <translation>因果检验：关闭每个概念自身单元时准确率的下降，对比关闭同样数量的随机单元。真实的路径对其概念造成的损失远大于随机对照。</translation>
    </message>
    <message>
        <source>Fig. 7: path similarity M (Eq. 11) of every pair of concepts, ordered by average linkage. Click a cell to compare the two paths.</source>
        <translation>图 7：每对概念的路径相似度 M（式 11），按平均链接聚类排序。单击单元格以比较两条路径。</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Two concepts&apos; paths block by block: the Jaccard index per block (Eq. 10) and the units each path keeps. Click a block to explore its units.</source>
        <translation>逐模块比较两个概念的路径：每个模块的 Jaccard 指数（式 10）以及各路径保留的单元。单击模块以探索其单元。</translation>
    </message>
    <message>
        <source>&amp;Concepts:</source>
        <translation>概念(&amp;C)：</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流向</translation>
    </message>
    <message>
        <source>Per block, the units the chosen concepts&apos; paths share (first initialization): kept by all, by some, by one only, by none. Click a block to explore its units.</source>
        <translation>每个模块中所选概念的路径共享的单元（第一次初始化）：全部保留、部分保留、仅一个保留、均不保留。单击模块以探索其单元。</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Fig. 1 and 5: a composite image&apos;s activation map at every block, for the original network and under each tile&apos;s concept path. A specific path lights up its own tile. Double-click a block&apos;s column to explore its units.</source>
        <translation>图 1 和图 5：合成图像在每个模块的激活图，分别对应原网络和各图块概念的路径。特异的路径会点亮其自身的图块。双击某模块的列以探索其单元。</translation>
    </message>
    <message>
        <source>Unit explorer</source>
        <translation>单元浏览器</translation>
    </message>
    <message>
        <source>Across models</source>
        <translation>跨模型</translation>
    </message>
    <message>
        <source>Fig. 4: the share of each block&apos;s units the paths keep, per model. Near 1 the path is the original network there.</source>
        <translation>图 4：各模型的路径在每个模块保留的单元比例。接近 1 时，该处的路径即原网络。</translation>
    </message>
    <message>
        <source>Fig. 6: interpretability I (Eq. 12) against accuracy, per model; Var(M) beside it does not mix accuracy in.</source>
        <translation>图 6：各模型的可解释性 I（式 12）与准确率的关系；旁边的 Var(M) 不混入准确率。</translation>
    </message>
    <message numerus="yes">
        <source>All %n concept(s)</source>
        <translation>
            <numerusform>全部 %n 个概念</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked in the concept panel: %1</source>
        <translation>概念面板中勾选的：%1</translation>
    </message>
    <message>
        <source>Frontier</source>
        <translation>前沿</translation>
    </message>
    <message>
        <source>λ sweeps stored in the project: unit usage against specificity and precision per λ, measured on validation images. Sparser paths are worth having only while the curves stay near the original network&apos;s lines.</source>
        <translation>项目中保存的 λ 扫描：每个 λ 下单元使用率与特异度、精度的关系，在验证图像上测得。只有当曲线仍接近原始网络的参考线时，更稀疏的路径才有价值。</translation>
    </message>
</context>
<context>
    <name>nad::FrontierPanel</name>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s sweeps</source>
        <translation>无法读取项目中的扫描</translation>
    </message>
    <message>
        <source>Cannot show the sweeps of %1</source>
        <translation>无法显示 %1 的扫描</translation>
    </message>
    <message>
        <source>No λ sweep stored in this project yet</source>
        <translation>此项目中尚未保存 λ 扫描</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <source>Sweep λ…</source>
        <translation>扫描 λ…</translation>
    </message>
    <message>
        <source>Learn paths at several λ for a few concepts and draw their frontier</source>
        <translation>在多个 λ 下为若干概念学习路径并绘制其前沿</translation>
    </message>
    <message>
        <source>The sweep failed</source>
        <translation>扫描失败</translation>
    </message>
    <message>
        <source>Sweep %1 of %2 stored in the project</source>
        <translation>%2 的扫描 %1 已保存到项目</translation>
    </message>
    <message>
        <source>Cannot prepare a sweep</source>
        <translation>无法准备扫描</translation>
    </message>
    <message>
        <source>Cancel sweep</source>
        <translation>取消扫描</translation>
    </message>
    <message numerus="yes">
        <source>Sweeping %n λ value(s) on %1…</source>
        <translation>
            <numerusform>正在 %1 上扫描 %n 个 λ 值…</numerusform>
        </translation>
    </message>
    <message>
        <source>Sweep cancelled; nothing was stored</source>
        <translation>扫描已取消；未保存任何内容</translation>
    </message>
    <message>
        <source>A sweep learns paths for a few concepts at several λ and measures them on validation images. Start one with Sweep λ…, or store one with:
nad sweep --project %1 --model MODEL --concepts A,B,C --lambdas 0.2,0.4,0.6,0.8,1.2 --objective specific</source>
        <translation>扫描在多个 λ 下为若干概念学习路径，并在验证图像上测量。用“扫描 λ…”开始一次扫描，或用以下命令保存一次扫描：
nad sweep --project %1 --model MODEL --concepts A,B,C --lambdas 0.2,0.4,0.6,0.8,1.2 --objective specific</translation>
    </message>
</context>
<context>
    <name>nad::FrontierView</name>
    <message>
        <source>unit usage (mean over blocks, as Fig. 4)</source>
        <translation>单元使用率（各模块平均，同图 4）</translation>
    </message>
    <message>
        <source>on validation images (%)</source>
        <translation>验证图像上 (%)</translation>
    </message>
    <message>
        <source>specificity</source>
        <translation>特异度</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>%1, λ %2: usage %3
specificity %4 (original %5), precision %6 (original %7), AUROC %8</source>
        <translation>%1，λ %2：使用率 %3
特异度 %4（原始 %5），精度 %6（原始 %7），AUROC %8</translation>
    </message>
    <message>
        <source>
knockout: own units causal for %1 of %2 concepts</source>
        <translation>
敲除测试：%2 个概念中有 %1 个的专属单元具有因果作用</translation>
    </message>
    <message>
        <source>faithful and specific</source>
        <translation>忠实且特异</translation>
    </message>
    <message>
        <source>faithful, not specific</source>
        <translation>忠实但不特异</translation>
    </message>
    <message>
        <source>not faithful</source>
        <translation>不忠实</translation>
    </message>
    <message>
        <source>; recommended</source>
        <translation>；推荐</translation>
    </message>
    <message>
        <source>; the default</source>
        <translation>；默认值</translation>
    </message>
    <message>
        <source>original specificity</source>
        <translation>原始特异度</translation>
    </message>
    <message>
        <source>original precision</source>
        <translation>原始精度</translation>
    </message>
    <message>
        <source>%1: recommended λ %2, the default</source>
        <translation>%1：推荐 λ %2，即默认值</translation>
    </message>
    <message>
        <source>%1: recommended λ %2</source>
        <translation>%1：推荐 λ %2</translation>
    </message>
    <message>
        <source>%1: default λ %2</source>
        <translation>%1：默认 λ %2</translation>
    </message>
</context>
<context>
    <name>nad::InterpretabilityScatterView</name>
    <message>
        <source>interpretability I (Eq. 12)</source>
        <translation>可解释性 I（式 12）</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
</context>
<context>
    <name>nad::KnockoutView</name>
    <message>
        <source>top-1 accuracy drop (points)</source>
        <translation>top-1 准确率下降（百分点）</translation>
    </message>
    <message>
        <source>%1 (no own units)</source>
        <translation>%1（无自身单元）</translation>
    </message>
    <message>
        <source>own units off: on the concept</source>
        <translation>关闭自身单元：在该概念上</translation>
    </message>
    <message>
        <source>own units off: on the others</source>
        <translation>关闭自身单元：在其他概念上</translation>
    </message>
    <message>
        <source>as many random units off: on the concept</source>
        <translation>关闭同样数量随机单元：在该概念上</translation>
    </message>
</context>
<context>
    <name>nad::MainWindow</name>
    <message>
        <source>NAD Studio</source>
        <translation>NAD Studio</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>打开演示项目(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About NAD Studio</source>
        <translation>关于 NAD Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>%1 — NAD Studio</source>
        <translation>%1 — NAD Studio</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Cannot open the demo project</source>
        <translation>无法打开演示项目</translation>
    </message>
    <message>
        <source>Images per class — %1</source>
        <translation>各类别图像数 — %1</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>NAD projects (*.nad);;All files (*)</source>
        <translation>NAD 项目 (*.nad);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About NAD Studio</source>
        <translation>关于 NAD Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NAD Studio %1&lt;/h3&gt;&lt;p&gt;Concept feature paths of convolutional networks, after &lt;i&gt;Architecture Disentanglement for Deep Neural Networks&lt;/i&gt; (Hu et al., ICCV 2021).&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;</source>
        <translation>&lt;h3&gt;NAD Studio %1&lt;/h3&gt;&lt;p&gt;卷积神经网络的概念特征路径，依据论文 &lt;i&gt;Architecture Disentanglement for Deep Neural Networks&lt;/i&gt;（Hu 等，ICCV 2021）。&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Where path learning runs (LibTorch %1)</source>
        <translation>路径学习的运行设备（LibTorch %1）</translation>
    </message>
    <message>
        <source>Path learning stopped</source>
        <translation>路径学习已停止</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>概念</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Save Figure As…</source>
        <translation>图另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>NAD Studio &amp;Help</source>
        <translation>NAD Studio 帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Cannot open another project</source>
        <translation>无法打开其他项目</translation>
    </message>
    <message>
        <source>A training is running on %1; cancel it first.</source>
        <translation>%1 上正在进行训练，请先取消。</translation>
    </message>
    <message>
        <source>%1 · %2 data set(s), %3 concept(s), %4 model(s), %5 run(s)</source>
        <translation>%1 · %2 个数据集，%3 个概念，%4 个模型，%5 次运行</translation>
    </message>
    <message>
        <source>imported: %1</source>
        <translation>已导入：%1</translation>
    </message>
    <message>
        <source>zoo model, %1 % test accuracy</source>
        <translation>模型库模型，测试准确率 %1 %</translation>
    </message>
    <message>
        <source>Cannot list the models</source>
        <translation>无法列出模型</translation>
    </message>
    <message>
        <source>Cannot read the concepts&apos; status: %1</source>
        <translation>无法读取概念的状态：%1</translation>
    </message>
    <message>
        <source>No concept checked</source>
        <translation>未勾选概念</translation>
    </message>
    <message>
        <source>Check at least one concept in the concept panel.</source>
        <translation>请在概念面板中至少勾选一个概念。</translation>
    </message>
    <message>
        <source>Cannot start learning</source>
        <translation>无法开始学习</translation>
    </message>
    <message numerus="yes">
        <source>Learning %n path(s) on %1</source>
        <translation>
            <numerusform>正在 %1 上学习 %n 条路径</numerusform>
        </translation>
    </message>
    <message>
        <source>Learning paths…</source>
        <translation>正在学习路径…</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %1 s; %n path(s) finished. Resume continues run %2.</source>
        <translation>
            <numerusform>%1 秒后已取消；%n 条路径已完成。“恢复”将继续运行 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1 finished in %2 s: %n path(s) learned and evaluated.</source>
        <translation>
            <numerusform>运行 %1 在 %2 秒内完成：已学习并评估 %n 条路径。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <source>The current tab has no figure.</source>
        <translation>当前标签页没有图。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>NAD Studio Help</source>
        <translation>NAD Studio 帮助</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Learning concept feature paths&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Open a project (File ▸ New Project… creates one: the Fashion-MNIST demo or your own TorchScript model and image folder).&lt;/li&gt;&lt;li&gt;Check concepts in the &lt;b&gt;Concepts&lt;/b&gt; panel (a primary concept checks all of its classes).&lt;/li&gt;&lt;li&gt;Choose the model and settings in the &lt;b&gt;Training&lt;/b&gt; panel and press Start. The curves show the loss terms and the share of units each path keeps; Cancel keeps what is learned and Resume continues.&lt;/li&gt;&lt;li&gt;Explore the evaluated run in the tabs: precision (Fig. 3), unit usage (Fig. 4), path similarity with dendrograms (Fig. 7, click a cell to compare two paths), interpretability against accuracy (Fig. 6) and the activation browser (Fig. 1, 5).&lt;/li&gt;&lt;li&gt;File ▸ Save Figure As… writes the current figure as PDF, SVG or PNG with its data as CSV (sizes and fonts in Preferences).&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;The same engine runs headless: &lt;code&gt;nad --help&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;学习概念特征路径&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;打开一个项目（“文件 ▸ 新建项目…”可创建项目：Fashion-MNIST 演示，或您自己的 TorchScript 模型和图像文件夹）。&lt;/li&gt;&lt;li&gt;在&lt;b&gt;概念&lt;/b&gt;面板中勾选概念（勾选一个主概念会勾选其所有类别）。&lt;/li&gt;&lt;li&gt;在&lt;b&gt;训练&lt;/b&gt;面板中选择模型和设置，然后按“开始”。曲线显示各损失项以及每条路径保留的单元比例；“取消”会保留已学习的内容，“恢复”则继续学习。&lt;/li&gt;&lt;li&gt;在各标签页中探索已评估的运行：精度（图 3）、单元使用率（图 4）、带树状图的路径相似度（图 7，单击单元格可比较两条路径）、可解释性与准确率的关系（图 6）以及激活浏览器（图 1、5）。&lt;/li&gt;&lt;li&gt;“文件 ▸ 图另存为…”将当前图保存为 PDF、SVG 或 PNG，并将其数据保存为 CSV（尺寸和字体在“首选项”中设置）。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;同一引擎也可无界面运行：&lt;code&gt;nad --help&lt;/code&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <source>Stop the training and quit? The paths learned so far stay in the project; Resume continues the run later.</source>
        <translation>停止训练并退出？已学习的路径会保留在项目中，之后可用“恢复”继续该运行。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
<context>
    <name>nad::NewProjectWizard</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>What do you want to take apart?</source>
        <translation>您想解耦什么？</translation>
    </message>
    <message>
        <source>The built-in &amp;demo: Fashion-MNIST with the model zoo (VGG, ResNet, DenseNet, DARTS)</source>
        <translation>内置演示(&amp;D)：Fashion-MNIST 与模型库（VGG、ResNet、DenseNet、DARTS）</translation>
    </message>
    <message>
        <source>My &amp;own model: a TorchScript file and an ImageFolder data set</source>
        <translation>我自己的模型(&amp;O)：TorchScript 文件和 ImageFolder 数据集</translation>
    </message>
    <message>
        <source>Project file</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <source>NAD projects (*.nad)</source>
        <translation>NAD 项目 (*.nad)</translation>
    </message>
    <message>
        <source>&amp;Project file:</source>
        <translation>项目文件(&amp;P)：</translation>
    </message>
    <message>
        <source>The Fashion-MNIST demo</source>
        <translation>Fashion-MNIST 演示</translation>
    </message>
    <message>
        <source>Models missing from the zoo are trained now (about 1 to 3 minutes per model and epoch on two cores).</source>
        <translation>模型库中缺少的模型将在此时训练（在两个核心上，每个模型每轮约 1 至 3 分钟）。</translation>
    </message>
    <message>
        <source>Fashion-MNIST &amp;folder:</source>
        <translation>Fashion-MNIST 文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>family default</source>
        <translation>模型族默认值</translation>
    </message>
    <message>
        <source>Epochs for a model that has to be trained</source>
        <translation>需要训练的模型的训练轮数</translation>
    </message>
    <message>
        <source>Training &amp;epochs:</source>
        <translation>训练轮数(&amp;E)：</translation>
    </message>
    <message>
        <source>Your model and data set</source>
        <translation>您的模型和数据集</translation>
    </message>
    <message>
        <source>&amp;TorchScript model:</source>
        <translation>TorchScript 模型(&amp;T)：</translation>
    </message>
    <message>
        <source>TorchScript (*.pt *.pth *.ts);;All files (*)</source>
        <translation>TorchScript 文件 (*.pt *.pth *.ts);;所有文件 (*)</translation>
    </message>
    <message>
        <source>torchvision VGG16</source>
        <translation>torchvision VGG16</translation>
    </message>
    <message>
        <source>torchvision ResNet50</source>
        <translation>torchvision ResNet50</translation>
    </message>
    <message>
        <source>torchvision DenseNet121</source>
        <translation>torchvision DenseNet121</translation>
    </message>
    <message>
        <source>Block spec file…</source>
        <translation>模块规格文件…</translation>
    </message>
    <message>
        <source>&amp;Blocks:</source>
        <translation>模块(&amp;B)：</translation>
    </message>
    <message>
        <source>Block spec (*.json);;All files (*)</source>
        <translation>模块规格 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Block &amp;spec file:</source>
        <translation>模块规格文件(&amp;S)：</translation>
    </message>
    <message>
        <source>as the spec says</source>
        <translation>按规格</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>&amp;Input size:</source>
        <translation>输入尺寸(&amp;I)：</translation>
    </message>
    <message>
        <source>Image &amp;folder:</source>
        <translation>图像文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>optional: primary concepts and their classes</source>
        <translation>可选：主概念及其类别</translation>
    </message>
    <message>
        <source>&amp;Hierarchy file:</source>
        <translation>层级文件(&amp;H)：</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Creating the project</source>
        <translation>正在创建项目</translation>
    </message>
    <message>
        <source>Cancel &amp;training</source>
        <translation>取消训练(&amp;T)</translation>
    </message>
    <message>
        <source>Cancelled. Press Back to change the choices or Cancel to close.</source>
        <translation>已取消。按“上一步”修改选择，或按“取消”关闭。</translation>
    </message>
    <message>
        <source>The project is ready. Press Finish to open it.</source>
        <translation>项目已就绪。按“完成”将其打开。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Choose where the project file goes.</source>
        <translation>请选择项目文件的保存位置。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 exists already; choose a new file name (a project is never overwritten).</source>
        <translation>%1 已存在；请选择新的文件名（不会覆盖已有项目）。</translation>
    </message>
    <message>
        <source>%1 is not a Fashion-MNIST folder (expected the four IDX files of 10 classes).</source>
        <translation>%1 不是 Fashion-MNIST 文件夹（应包含 10 个类别的四个 IDX 文件）。</translation>
    </message>
    <message>
        <source>Choose at least one model family.</source>
        <translation>请至少选择一个模型族。</translation>
    </message>
    <message>
        <source>Model %1: %2 blocks, %3 classes, input %4×%4. Data set %5: %6 classes.</source>
        <translation>模型 %1：%2 个模块，%3 个类别，输入 %4×%4。数据集 %5：%6 个类别。</translation>
    </message>
    <message>
        <source>In the zoo: %1 (%2 % test accuracy)</source>
        <translation>已在模型库中：%1（测试准确率 %2 %）</translation>
    </message>
    <message>
        <source>Export the model with torch.jit.save; the block spec says which submodules are the blocks (README: &quot;Importing your own model&quot;).</source>
        <translation>用 torch.jit.save 导出模型；模块规格说明哪些子模块是网络模块（见 README：“Importing your own model”）。</translation>
    </message>
    <message>
        <source>Not in the zoo yet: installed from the models shipped with NAD Studio when the training epochs are 1 (theirs), else trained when the project is created</source>
        <translation>尚未在模型库中：训练轮数为 1（随 NAD Studio 提供的模型的轮数）时安装随附的模型，否则在创建项目时训练</translation>
    </message>
</context>
<context>
    <name>nad::PathComparisonView</name>
    <message>
        <source>Jaccard</source>
        <translation>Jaccard</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>block</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>%1 vs %2: M = %3</source>
        <translation>%1 与 %2：M = %3</translation>
    </message>
    <message>
        <source>Jaccard per block</source>
        <translation>各模块的 Jaccard</translation>
    </message>
    <message>
        <source>mean M</source>
        <translation>平均 M</translation>
    </message>
    <message>
        <source>mean M = %1</source>
        <translation>平均 M = %1</translation>
    </message>
    <message>
        <source>only %1</source>
        <translation>仅 %1</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两者共有</translation>
    </message>
</context>
<context>
    <name>nad::PathFlowView</name>
    <message>
        <source>block</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>share of the block&apos;s units</source>
        <translation>模块单元的比例</translation>
    </message>
    <message>
        <source>concept %1</source>
        <translation>概念 %1</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>模块 %1</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>kept by both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <source>kept by all %1</source>
        <translation>全部 %1 个都保留</translation>
    </message>
    <message>
        <source>kept by 2</source>
        <translation>2 个保留</translation>
    </message>
    <message>
        <source>kept by 2–%1</source>
        <translation>2–%1 个保留</translation>
    </message>
    <message>
        <source>kept by one only</source>
        <translation>仅一个保留</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>舍弃</translation>
    </message>
    <message>
        <source>kept by neither</source>
        <translation>两者都不保留</translation>
    </message>
    <message>
        <source>kept by none</source>
        <translation>均不保留</translation>
    </message>
    <message>
        <source>Path flow: choose concepts with learned paths</source>
        <translation>路径流向：请选择已学习路径的概念</translation>
    </message>
    <message>
        <source>Path flow of 1 concept: %1</source>
        <translation>1 个概念的路径流向：%1</translation>
    </message>
    <message>
        <source>Path flow of %1 concepts: %2</source>
        <translation>%1 个概念的路径流向：%2</translation>
    </message>
    <message>
        <source>Bands link categories from block to block, not units: each block has its own channels.</source>
        <translation>条带在模块之间连接的是类别而非单元：每个模块有各自的通道。</translation>
    </message>
    <message>
        <source>%1 · %2: %3 of %4 units (%5%)</source>
        <translation>%1 · %2：%4 个单元中的 %3 个（%5%）</translation>
    </message>
    <message>
        <source>
  only %1: %2</source>
        <translation>
  仅 %1：%2</translation>
    </message>
</context>
<context>
    <name>nad::PrecisionHistogramView</name>
    <message>
        <source>top-1 precision (%)</source>
        <translation>top-1 精度（%）</translation>
    </message>
    <message>
        <source>concepts</source>
        <translation>概念数</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>disentangled</source>
        <translation>解耦后</translation>
    </message>
</context>
<context>
    <name>nad::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language applies when NAD Studio starts again.</source>
        <translation>新语言将在 NAD Studio 重新启动后生效。</translation>
    </message>
    <message>
        <source>Figure export (Save figure as…)</source>
        <translation>图导出（图另存为…）</translation>
    </message>
    <message>
        <source>Default &amp;format:</source>
        <translation>默认格式(&amp;F)：</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>figure&apos;s default</source>
        <translation>图的默认值</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>宽度(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>高度(&amp;H)：</translation>
    </message>
    <message>
        <source>85 mm is one column of a two-column paper, 175 mm the full width.</source>
        <translation>85 mm 为双栏论文的单栏宽度，175 mm 为通栏宽度。</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>PNG &amp;resolution:</source>
        <translation>PNG 分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>F&amp;ont:</source>
        <translation>字体(&amp;O)：</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Font &amp;size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>nad::ProjectFigures</name>
    <message>
        <source>unit usage</source>
        <translation>单元使用率</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>tiles %1</source>
        <translation>图块 %1</translation>
    </message>
    <message>
        <source>: learning, %1 concepts</source>
        <translation>：学习过程，%1 个概念</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>λ·sparsity (λ %1)</source>
        <translation>λ·稀疏项（λ %1）</translation>
    </message>
    <message>
        <source>β·penalty (β %1)</source>
        <translation>β·惩罚项（β %1）</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>%1: hit rate, %2 composites</source>
        <translation>%1：命中率，%2 幅合成图像</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>随机水平</translation>
    </message>
    <message>
        <source>concept&apos;s path (mean ± std)</source>
        <translation>概念的路径（均值 ± 标准差）</translation>
    </message>
    <message>
        <source>hit rate (top %1 % on own tile)</source>
        <translation>命中率（在自身图块上的前 %1 %）</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Warning: %1: every path keeps ≥ 99 % of the units in %2 of %3 blocks</source>
        <translation>警告：%1：在 %3 个模块中的 %2 个里，每条路径都保留 ≥ 99 % 的单元</translation>
    </message>
    <message>
        <source>%1: no knockout test (evaluate the run again)</source>
        <translation>%1：没有敲除测试（请重新评估该运行）</translation>
    </message>
    <message>
        <source>%1: knockout of each concept&apos;s own units</source>
        <translation>%1：敲除每个概念的自身单元</translation>
    </message>
    <message numerus="yes">
        <source>%1, run %2: %n concept(s)</source>
        <translation>
            <numerusform>%1，运行 %2：%n 个概念</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> × %n initialization(s).</source>
        <translation>
            <numerusform> × %n 次初始化。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paths against the original network (mean over concepts): precision %1 (%2), specificity %3 (%4), AUROC %5 (%6); unit usage %7 per block.</source>
        <translation>路径对比原网络（概念平均）：精度 %1（%2），特异度 %3（%4），AUROC %5（%6）；每模块单元使用率 %7。</translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) degenerate.</source>
        <translation>
            <numerusform>%n 条路径退化。</numerusform>
        </translation>
    </message>
    <message>
        <source>Unit usage per block (Fig. 4)</source>
        <translation>每模块单元使用率（图 4）</translation>
    </message>
    <message>
        <source>%1: usage against fidelity, λ swept</source>
        <translation>%1：使用率与保真度（扫描 λ）</translation>
    </message>
    <message>
        <source>Recommended: the sparsest λ whose mean precision is within %1 points and specificity within %2 points of the original network&apos;s, with no degenerate path.</source>
        <translation>推荐：平均精度与原始网络相差不超过 %1 个百分点、特异度相差不超过 %2 个百分点且没有退化路径的最稀疏 λ。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n concept(s) × %2 initialization(s), %3 validation images</source>
        <translation>
            <numerusform>%1：%n 个概念 × %2 次初始化，%3 张验证图像</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: knockout of each concept&apos;s own units, mean over %2 initializations</source>
        <translation>%1：敲除每个概念的自身单元，%2 次初始化的平均</translation>
    </message>
</context>
<context>
    <name>nad::ProjectSetupJob</name>
    <message>
        <source>Checking the model and the data set…</source>
        <translation>正在检查模型和数据集…</translation>
    </message>
    <message>
        <source>Created %1 with model %2 (%3 blocks) and data set %4 (%5 classes).</source>
        <translation>已创建 %1，模型 %2（%3 个模块），数据集 %4（%5 个类别）。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Created the demo project %1.</source>
        <translation>已创建演示项目 %1。</translation>
    </message>
    <message>
        <source>The demo project %1 exists; it is kept.</source>
        <translation>演示项目 %1 已存在，予以保留。</translation>
    </message>
    <message>
        <source>%1: reusing %2 from the zoo (%3 % test accuracy).</source>
        <translation>%1：复用模型库中的 %2（测试准确率 %3 %）。</translation>
    </message>
    <message>
        <source>Training %1: epoch %2/%3, loss %4, about %5 s left</source>
        <translation>正在训练 %1：第 %2/%3 轮，损失 %4，约剩 %5 秒</translation>
    </message>
    <message>
        <source>%1: training cancelled; nothing of it was kept.</source>
        <translation>%1：训练已取消，未保留任何结果。</translation>
    </message>
    <message>
        <source>%1: trained %2 in %3 s (%4 % test accuracy).</source>
        <translation>%1：已在 %3 秒内训练 %2（测试准确率 %4 %）。</translation>
    </message>
    <message>
        <source>%1: installed %2, shipped with NAD Studio (%3 % test accuracy).</source>
        <translation>%1：已安装随 NAD Studio 提供的 %2（测试准确率 %3 %）。</translation>
    </message>
</context>
<context>
    <name>nad::ProjectTreeModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 (%2)
%3
%4 training and %5 test images, %6</source>
        <translation>%1（%2）
%3
%4 张训练图像和 %5 张测试图像，%6</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>%1: class %2, %3 training and %4 test images</source>
        <translation>%1：类别 %2，%3 张训练图像和 %4 张测试图像</translation>
    </message>
    <message numerus="yes">
        <source>%n concept(s)</source>
        <translation>
            <numerusform>%n 个概念</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>imported · %1</source>
        <translation>已导入 · %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 (%2%3)
Test accuracy: %4
Input: %5×%6×%7
File: %8
SHA-256: %9</source>
        <translation>%1（%2%3）
测试准确率：%4
输入：%5×%6×%7
文件：%8
SHA-256：%9</translation>
    </message>
    <message>
        <source>, imported TorchScript</source>
        <translation>，导入的 TorchScript</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>? concepts</source>
        <translation>? 个概念</translation>
    </message>
    <message numerus="yes">
        <source>%n init(s)</source>
        <translation>
            <numerusform>%n 次初始化</numerusform>
        </translation>
    </message>
    <message>
        <source>run %1 · %2</source>
        <translation>运行 %1 · %2</translation>
    </message>
    <message>
        <source>Concepts: unreadable hyperparameters</source>
        <translation>概念：无法读取超参数</translation>
    </message>
    <message>
        <source>Concepts: all %1 of the data set</source>
        <translation>概念：数据集的全部 %1 个</translation>
    </message>
    <message>
        <source>Concepts (%1): %2</source>
        <translation>概念（%1）：%2</translation>
    </message>
    <message>
        <source>Run %1 of %2</source>
        <translation>%2 的运行 %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Status: %1 — %2</source>
        <translation>状态：%1 — %2</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>预设：%1</translation>
    </message>
    <message>
        <source>Initializations: %1, seed %2</source>
        <translation>初始化：%1 次，种子 %2</translation>
    </message>
    <message>
        <source>Elapsed: %1</source>
        <translation>耗时：%1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>创建时间：%1</translation>
    </message>
    <message>
        <source>Data sets (%1)</source>
        <translation>数据集（%1）</translation>
    </message>
    <message>
        <source>Models (%1)</source>
        <translation>模型（%1）</translation>
    </message>
    <message>
        <source>Runs (%1)</source>
        <translation>运行（%1）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Training / test images, test accuracy or run status</source>
        <translation>训练/测试图像数、测试准确率或运行状态</translation>
    </message>
    <message>
        <source>Image size, model family, or a run&apos;s concepts, initializations, elapsed time and start</source>
        <translation>图像尺寸、模型族，或运行的概念、初始化次数、耗时和开始时间</translation>
    </message>
</context>
<context>
    <name>nad::ResumableRun</name>
    <message numerus="yes">
        <source>Continue run %1 (%2, %n concept(s))</source>
        <translation>
            <numerusform>继续运行 %1（%2，%n 个概念）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nad::RunListModel</name>
    <message>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>%1 · run %2</source>
        <translation>%1 · 运行 %2</translation>
    </message>
    <message>
        <source>Run %1 of %2 (%3 preset), the model&apos;s latest evaluated run</source>
        <translation>运行 %1（%2，预设 %3），该模型最新的已评估运行</translation>
    </message>
</context>
<context>
    <name>nad::RunOverviewView</name>
    <message>
        <source>Click a cell to compare the two concepts&apos; paths block by block</source>
        <translation>单击单元格，逐模块比较两个概念的路径</translation>
    </message>
</context>
<context>
    <name>nad::SimilarityHeatmapView</name>
    <message>
        <source>similarity M</source>
        <translation>相似度 M</translation>
    </message>
    <message>
        <source>%1 vs %2: M = %3</source>
        <translation>%1 与 %2：M = %3</translation>
    </message>
</context>
<context>
    <name>nad::SweepController</name>
    <message>
        <source>Sweeping λ %1 (%2 of %3): step %4 of at most %5…</source>
        <translation>正在扫描 λ %1（第 %2 个，共 %3 个）：第 %4 步，最多 %5 步…</translation>
    </message>
</context>
<context>
    <name>nad::SweepDialog</name>
    <message>
        <source>Sweep λ</source>
        <translation>扫描 λ</translation>
    </message>
    <message>
        <source>Learns paths for the chosen concepts at each λ and measures them on validation images carved from the training split (never the held-out split). The finished sweep is stored in the project and drawn as a frontier.</source>
        <translation>在每个 λ 下为所选概念学习路径，并在从训练集中划出的验证图像上测量（从不使用留出集）。完成的扫描保存在项目中并绘制为前沿。</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Concepts:</source>
        <translation>概念(&amp;C)：</translation>
    </message>
    <message>
        <source>Sparse and specific</source>
        <translation>稀疏且特异</translation>
    </message>
    <message>
        <source>Paper (Eq. 4–9)</source>
        <translation>论文（式 4–9）</translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation>目标(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;λ values:</source>
        <translation>λ 值(&amp;L)：</translation>
    </message>
    <message>
        <source>Learning &amp;images per concept:</source>
        <translation>每个概念的学习图像(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Validation images per class:</source>
        <translation>每类验证图像(&amp;V)：</translation>
    </message>
    <message>
        <source>I&amp;nitializations per λ:</source>
        <translation>每个 λ 的初始化次数(&amp;N)：</translation>
    </message>
    <message>
        <source>Start sweep</source>
        <translation>开始扫描</translation>
    </message>
    <message>
        <source>The project has no model to sweep.</source>
        <translation>项目中没有可扫描的模型。</translation>
    </message>
    <message>
        <source>Choose at least two concepts: specificity and the knockout test compare concepts.</source>
        <translation>请至少选择两个概念：特异度和敲除测试需要比较概念。</translation>
    </message>
    <message>
        <source>λ values: positive numbers separated by commas.</source>
        <translation>λ 值：以逗号分隔的正数。</translation>
    </message>
</context>
<context>
    <name>nad::TrainingCurvesView</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>unit usage</source>
        <translation>单元使用率</translation>
    </message>
</context>
<context>
    <name>nad::TrainingPanel</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Paper (Eq. 4–9)</source>
        <translation>论文（式 4–9）</translation>
    </message>
    <message>
        <source>Official code (v2)</source>
        <translation>官方代码（v2）</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>Step size of the normalized update (Eq. 8): each step moves a block&apos;s mask logits by α.</source>
        <translation>归一化更新的步长（式 8）：每步将模块的掩码 logits 移动 α。</translation>
    </message>
    <message>
        <source>Step size &amp;α:</source>
        <translation>步长 &amp;α：</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>The model family&apos;s default, found with a λ sweep on the zoo models</source>
        <translation>该模型族的默认值，通过在模型库模型上扫描 λ 得到</translation>
    </message>
    <message>
        <source>&amp;Batch per concept:</source>
        <translation>每个概念的批大小(&amp;B)：</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Training images per concept, a seeded sample (all: every image of the class)</source>
        <translation>每个概念的训练图像数，按种子抽样（全部：该类别的所有图像）</translation>
    </message>
    <message>
        <source>&amp;Images per concept:</source>
        <translation>每个概念的图像数(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>种子(&amp;S)：</translation>
    </message>
    <message>
        <source>Independent runs per concept (seeds seed, seed+1, …); metrics are averaged over them</source>
        <translation>每个概念的独立运行次数（种子依次为 seed、seed+1、…）；指标取其平均</translation>
    </message>
    <message>
        <source>I&amp;nitializations:</source>
        <translation>初始化次数(&amp;N)：</translation>
    </message>
    <message>
        <source>Held-out images per class for the evaluation after learning</source>
        <translation>学习后用于评估的每类留出图像数</translation>
    </message>
    <message>
        <source>&amp;Evaluation images per class:</source>
        <translation>每类评估图像数(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>概念</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>使用率</translation>
    </message>
    <message>
        <source>L_dif</source>
        <translation>L_dif</translation>
    </message>
    <message>
        <source>Sparsity &amp;λ:</source>
        <translation>稀疏系数 &amp;λ：</translation>
    </message>
    <message>
        <source>Penalty &amp;β:</source>
        <translation>惩罚系数 &amp;β：</translation>
    </message>
    <message>
        <source>Weight of L_reg = Σ‖σ(s_i)‖₁ (Eq. 7): larger λ, sparser paths</source>
        <translation>L_reg = Σ‖σ(s_i)‖₁ 的权重（式 7）：λ 越大，路径越稀疏</translation>
    </message>
    <message>
        <source>Weight of the mean squared mask penalty (the authors&apos; code)</source>
        <translation>掩码均方惩罚项的权重（作者的代码）</translation>
    </message>
    <message>
        <source>Check the concepts to learn in the concept panel.</source>
        <translation>请在概念面板中勾选要学习的概念。</translation>
    </message>
    <message numerus="yes">
        <source>%n concept(s) checked</source>
        <translation>
            <numerusform>已勾选 %n 个概念</numerusform>
        </translation>
    </message>
    <message>
        <source>Initialization %1/%2 · pass %3/%4 · step %5/%6 · %7 elapsed · about %8 left</source>
        <translation>初始化 %1/%2 · 遍次 %3/%4 · 步 %5/%6 · 已用 %7 · 约剩 %8</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>λ·L_reg</source>
        <translation>λ·L_reg</translation>
    </message>
    <message>
        <source>β·penalty</source>
        <translation>β·惩罚项</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>Sparse and specific</source>
        <translation>稀疏且特异</translation>
    </message>
    <message>
        <source>The most steps a concept takes; it stops earlier once its binary path has converged</source>
        <translation>每个概念的最大步数；其二值路径收敛后会提前停止</translation>
    </message>
    <message>
        <source>Max s&amp;teps:</source>
        <translation>最大步数(&amp;T)：</translation>
    </message>
    <message>
        <source>until converged</source>
        <translation>直到收敛</translation>
    </message>
    <message>
        <source>Epochs over each concept&apos;s training images (the authors&apos; code runs 21), or until the binary path has converged</source>
        <translation>在每个概念的训练图像上的轮数（作者的代码为 21 轮），或直到二值路径收敛</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>轮数(&amp;E)：</translation>
    </message>
    <message>
        <source>No λ has been chosen for %1: %2 is a general fallback. Choose one on a validation split of the training images: nad sweep --project FILE --model %1 --concepts A,B,C</source>
        <translation>尚未为 %1 选定 λ：%2 只是通用的后备值。请在训练图像的验证划分上选择：nad sweep --project FILE --model %1 --concepts A,B,C</translation>
    </message>
    <message>
        <source>Weight of the mean usage per block, summed over the blocks: larger λ, sparser paths</source>
        <translation>各模块平均使用率（对模块求和）的权重：λ 越大，路径越稀疏</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>a sample of</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>Other concepts&apos; held-out images each path&apos;s specificity and AUROC are measured on. Automatic: all of them while paths × held-out images stay within 100,000, else a seeded sample of max(100, 100,000 / paths) per concept</source>
        <translation>用于测量每条路径特异性与 AUROC 的其他概念留出图像。自动：当路径数 × 留出图像数不超过 100,000 时全部使用，否则每个概念按种子抽取 max(100, 100,000 / 路径数) 张</translation>
    </message>
    <message>
        <source>Ne&amp;gatives per concept:</source>
        <translation>每个概念的负样本(&amp;G)：</translation>
    </message>
    <message>
        <source>automatic (a quarter of the memory)</source>
        <translation>自动（内存的四分之一）</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Memory for the decoded training images of an image folder, decoded pass by pass; a pass that does not fit is refused before learning. Does not change the result</source>
        <translation>图像文件夹解码后训练图像所用的内存，按轮次逐批解码；放不下的轮次会在学习前被拒绝。不影响结果</translation>
    </message>
    <message>
        <source>Training image mem&amp;ory:</source>
        <translation>训练图像内存(&amp;O)：</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>Steps after which the step size has halved (α·T/(T+t)); constant: the paper&apos;s fixed α. A fast decay stops paths early but can freeze them before they are faithful.</source>
        <translation>步长减半所需的步数（α·T/(T+t)）；恒定：论文的固定 α。衰减过快会使路径提前停止，但可能在其忠实之前就将其冻结。</translation>
    </message>
    <message>
        <source>Step size &amp;decay:</source>
        <translation>步长衰减(&amp;D)：</translation>
    </message>
    <message>
        <source>Sparse and specific (the default): the paper&apos;s algorithm with the share of each block&apos;s energy removed as the distance, the mean usage per block as the size, and a margin and one-vs-rest loss on other concepts&apos; images so that paths stay specific as they thin out.
Paper: L = L_dif + λ·L_reg, as in Algorithm 1.
Official: the authors&apos; public code (cross-entropy and MSE on correctly classified images, β penalty).</source>
        <translation>稀疏且特异（默认）：论文的算法，以各模块被移除的能量比例作为距离、以各模块的平均使用率作为大小，并在其他概念的图像上加入间隔损失和一对其余损失，使路径在变稀疏时保持特异。
论文：L = L_dif + λ·L_reg，同算法 1。
官方：作者公开的代码（在正确分类的图像上使用交叉熵和 MSE，β 惩罚项）。</translation>
    </message>
</context>
<context>
    <name>nad::UnitController</name>
    <message>
        <source>Measuring the units of %1 over %2 held-out images…</source>
        <translation>正在用 %2 张留出图像测量 %1 的单元…</translation>
    </message>
</context>
<context>
    <name>nad::UnitExplorerPresenter</name>
    <message>
        <source>Cannot profile the unit</source>
        <translation>无法分析该单元</translation>
    </message>
    <message>
        <source>Cannot list the units</source>
        <translation>无法列出单元</translation>
    </message>
    <message>
        <source>Profiling unit %1…</source>
        <translation>正在分析单元 %1…</translation>
    </message>
</context>
<context>
    <name>nad::UnitExplorerView</name>
    <message>
        <source>&amp;Block:</source>
        <translation>模块(&amp;B)：</translation>
    </message>
    <message>
        <source>How many of the most responsive held-out images to show</source>
        <translation>显示多少张响应最强的留出图像</translation>
    </message>
    <message>
        <source>&amp;Top images:</source>
        <translation>最强图像数(&amp;T)：</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation>保留它的概念</translation>
    </message>
    <message>
        <source>The block&apos;s units, most shared by the concepts&apos; paths first; click a header to sort</source>
        <translation>该模块的单元，被最多概念路径共享的排在前面；单击表头可排序</translation>
    </message>
    <message>
        <source>What a unit responds to: the held-out images that activate it most (its map over them, on one scale), its mean response per concept, and which concepts&apos; paths keep it.</source>
        <translation>单元对什么有响应：最能激活它的留出图像（其激活图叠加其上，统一尺度）、它对每个概念的平均响应，以及哪些概念的路径保留它。</translation>
    </message>
    <message>
        <source>%1 (%2 units)</source>
        <translation>%1（%2 个单元）</translation>
    </message>
</context>
<context>
    <name>nad::UnitProfileView</name>
    <message>
        <source>Pick a block and a unit</source>
        <translation>请选择模块和单元</translation>
    </message>
    <message>
        <source>%1 · unit %2 of %3 — kept by %4 of %5 concepts&apos; paths</source>
        <translation>%1 · 单元 %2/%3 — 被 %5 个概念路径中的 %4 个保留</translation>
    </message>
    <message>
        <source>mean response</source>
        <translation>平均响应</translation>
    </message>
    <message>
        <source>kept by the concept&apos;s path</source>
        <translation>被该概念的路径保留</translation>
    </message>
    <message>
        <source>dropped by it</source>
        <translation>被其舍弃</translation>
    </message>
    <message>
        <source>#%1: held-out image %2 (%3), response %4</source>
        <translation>#%1：留出图像 %2（%3），响应 %4</translation>
    </message>
    <message>
        <source>no path</source>
        <translation>无路径</translation>
    </message>
    <message>
        <source>kept in %1 % of its paths</source>
        <translation>在其 %1 % 的路径中保留</translation>
    </message>
    <message>
        <source>%1: mean response %2, %3</source>
        <translation>%1：平均响应 %2，%3</translation>
    </message>
</context>
</TS>
