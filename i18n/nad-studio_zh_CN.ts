<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</context>
<context>
    <name>nad::ClassBalanceChart</name>
    <message>
        <source>images</source>
        <translation>图像数</translation>
    </message>
</context>
<context>
    <name>nad::MainWindow</name>
    <message>
        <source>NAD Studio</source>
        <translation>NAD Studio</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU，%n 个线程</numerusform></translation>
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
        <source>%1 · schema v%2 · %3 data set(s), %4 concept(s), %5 model(s), %6 run(s)</source>
        <translation>%1 · 模式 v%2 · %3 个数据集，%4 个概念，%5 个模型，%6 次运行</translation>
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
</context>
<context>
    <name>nad::ProjectExplorerWidget</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Data sets (%1)</source>
        <translation>数据集（%1）</translation>
    </message>
    <message>
        <source>%1 (%2 concepts)</source>
        <translation>%1（%2 个概念）</translation>
    </message>
    <message>
        <source>Models (%1)</source>
        <translation>模型（%1）</translation>
    </message>
    <message>
        <source>Runs (%1)</source>
        <translation>运行（%1）</translation>
    </message>
</context>
</TS>
