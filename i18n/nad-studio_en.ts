<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>main</name>
    <message>
        <source>NAD Studio: concept feature paths of CNNs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Project file to open (.nad)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open (and create if needed) the Fashion-MNIST demo project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fashion-MNIST folder for --demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save a PNG of the window once shown, then quit</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>nad::ClassBalanceChart</name>
    <message>
        <source>images</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>nad::MainWindow</name>
    <message>
        <source>NAD Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n thread</numerusform><numerusform>CPU, %n threads</numerusform></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About NAD Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — NAD Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · schema v%2 · %3 data set(s), %4 concept(s), %5 model(s), %6 run(s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the demo project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Images per class — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NAD projects (*.nad);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About NAD Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h3&gt;NAD Studio %1&lt;/h3&gt;&lt;p&gt;Concept feature paths of convolutional networks, after &lt;i&gt;Architecture Disentanglement for Deep Neural Networks&lt;/i&gt; (Hu et al., ICCV 2021).&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>nad::ProjectExplorerWidget</name>
    <message>
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data sets (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2 concepts)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Models (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Runs (%1)</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
